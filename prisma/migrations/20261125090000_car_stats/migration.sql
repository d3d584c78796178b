-- CreateTable
CREATE TABLE "car_stats" (
    "car_id" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "car_stats_pkey" PRIMARY KEY ("car_id")
);

-- CreateIndex
CREATE INDEX "idx_car_stats_views" ON "car_stats"("views" DESC, "car_id");

-- AddForeignKey
ALTER TABLE "car_stats" ADD CONSTRAINT "car_stats_car_id_fkey" FOREIGN KEY ("car_id") REFERENCES "cars"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Written by hand: view counters kept by statement-level triggers (one upsert per
-- statement, so the website's batched inserts and COPY stay cheap).
CREATE FUNCTION "car_stats_views_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "car_stats" ("car_id", "views")
    SELECT "car_id", count(*)::int FROM inserted GROUP BY "car_id"
    ON CONFLICT ("car_id") DO UPDATE SET "views" = "car_stats"."views" + EXCLUDED."views";
    RETURN NULL;
END;
$$;
CREATE TRIGGER "car_views_count_insert" AFTER INSERT ON "car_views"
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "car_stats_views_added"();

CREATE FUNCTION "car_stats_views_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "car_stats" s SET "views" = greatest(0, s."views" - d.n)
    FROM (SELECT "car_id", count(*)::int AS n FROM removed GROUP BY "car_id") d
    WHERE s."car_id" = d."car_id";
    RETURN NULL;
END;
$$;
CREATE TRIGGER "car_views_count_delete" AFTER DELETE ON "car_views"
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "car_stats_views_removed"();

-- Views recorded before this migration.
INSERT INTO "car_stats" ("car_id", "views")
SELECT "car_id", count(*)::int FROM "car_views" GROUP BY "car_id"
ON CONFLICT ("car_id") DO UPDATE SET "views" = EXCLUDED."views";
