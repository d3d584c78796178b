-- Written by hand: what the inventory table's sorts need on 100,000 cars.

-- Each sort walks an index of live cars in order and stops after one page.
CREATE INDEX "idx_cars_live_price" ON "cars" ("price_eur", "id") WHERE "deleted_at" IS NULL;
CREATE INDEX "idx_cars_live_year" ON "cars" ("year", "id") WHERE "deleted_at" IS NULL;
CREATE INDEX "idx_cars_live_mileage" ON "cars" ("mileage_km", "id") WHERE "deleted_at" IS NULL;
CREATE INDEX "idx_cars_live_stocked_at" ON "cars" ("stocked_at", "id") WHERE "deleted_at" IS NULL;
CREATE INDEX "idx_car_stats_views_car" ON "car_stats" ("views", "car_id");

-- Every car has its counter row, so sorting by views is an inner join along that index.
CREATE FUNCTION "cars_stats_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "car_stats" ("car_id", "views")
    SELECT "id", 0 FROM inserted
    ON CONFLICT ("car_id") DO NOTHING;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "cars_stats_row_insert" AFTER INSERT ON "cars"
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "cars_stats_row"();

INSERT INTO "car_stats" ("car_id", "views")
SELECT "id", 0 FROM "cars"
ON CONFLICT ("car_id") DO NOTHING;
