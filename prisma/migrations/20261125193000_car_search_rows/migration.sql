-- A relevance search ("toyota corolla") ranks every car it matches. In the cars table those
-- thousands of matches lie on thousands of 8 KB pages among the other columns; here each
-- live car has one narrow row (its title and search vector), stored in title order, so the
-- same matches sit together on about a hundred pages. A trigger on cars keeps it in step;
-- deleted cars have no row (the trash is searched in cars itself).
CREATE TABLE "car_search_rows" (
    "car_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL,
    "search_text" TEXT NOT NULL,
    "search_vector" tsvector NOT NULL,

    CONSTRAINT "car_search_rows_pkey" PRIMARY KEY ("car_id")
);

ALTER TABLE "car_search_rows" ADD CONSTRAINT "car_search_rows_car_id_fkey" FOREIGN KEY ("car_id") REFERENCES "cars"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The vector (descriptions included) goes to TOAST: the GIN index answers the match, and the
-- rows stay small. The title text is read for the ranking of every match: kept in the row.
ALTER TABLE "car_search_rows" ALTER COLUMN "search_text" SET STORAGE PLAIN;
ALTER TABLE "car_search_rows" SET (toast_tuple_target = 128);
CREATE INDEX "idx_car_search_rows_vector" ON "car_search_rows" USING GIN ("search_vector");
-- New cars are appended at the end: the Health page's VACUUM re-clusters by this index.
CREATE INDEX "idx_car_search_rows_title" ON "car_search_rows" ("search_text");

-- An edit that changes none of the searched columns (a price, a status) leaves the row alone.
CREATE FUNCTION "car_search_rows_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW."deleted_at" IS NOT NULL THEN
    DELETE FROM "car_search_rows" WHERE "car_id" = (CASE WHEN TG_OP = 'INSERT' THEN NEW."id" ELSE OLD."id" END);
    RETURN NULL;
  END IF;
  INSERT INTO "car_search_rows" ("car_id", "created_at", "search_text", "search_vector")
    VALUES (NEW."id", NEW."created_at", NEW."search_text", NEW."search_vector")
    ON CONFLICT ("car_id") DO UPDATE SET
      "created_at" = EXCLUDED."created_at", "search_text" = EXCLUDED."search_text", "search_vector" = EXCLUDED."search_vector"
    WHERE ("car_search_rows"."created_at", "car_search_rows"."search_text", "car_search_rows"."search_vector")
      IS DISTINCT FROM (EXCLUDED."created_at", EXCLUDED."search_text", EXCLUDED."search_vector");
  RETURN NULL;
END $$;
CREATE TRIGGER "cars_search_rows" AFTER INSERT OR DELETE OR UPDATE OF "name", "brand", "model", "variant", "description", "description_en", "deleted_at", "created_at" ON "cars"
  FOR EACH ROW EXECUTE FUNCTION "car_search_rows_sync"();

-- Every live car, written in title order, and the index built afresh over them: a GIN index
-- grown row by row is larger and slower to search (a bulk load calls this again afterwards).
CREATE FUNCTION "car_search_rows_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE "car_search_rows";
  INSERT INTO "car_search_rows" ("car_id", "created_at", "search_text", "search_vector")
    SELECT "id", "created_at", "search_text", "search_vector" FROM "cars" WHERE "deleted_at" IS NULL ORDER BY "search_text", "id";
  REINDEX INDEX "idx_car_search_rows_vector";
END $$;
SELECT "car_search_rows_rebuild"();
ANALYZE "car_search_rows";
