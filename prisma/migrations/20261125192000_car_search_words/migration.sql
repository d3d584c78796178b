-- Typo correction for the inventory search: every word of the cars' titles once, kept by
-- trigger. A search that full-text finds nothing has each unknown word replaced by the
-- nearest title word (a trigram KNN lookup in this small table), instead of comparing the
-- typo with every car's title.
CREATE TABLE "car_search_words" (
    "word" TEXT NOT NULL,

    CONSTRAINT "car_search_words_pkey" PRIMARY KEY ("word")
);
CREATE INDEX "idx_car_search_words_trgm" ON "car_search_words" USING GIST ("word" gist_trgm_ops);

-- Words are split on spaces and ASCII punctuation, so ä, ö and å stay inside words whatever
-- the database's locale. Words are never removed: a stale one only costs a search that finds nothing.
CREATE FUNCTION "car_search_words_add"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "car_search_words" ("word")
    SELECT DISTINCT w FROM regexp_split_to_table(NEW."search_text", '[[:space:][:punct:]]+') AS w
    WHERE length(w) >= 2
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER "cars_search_words" AFTER INSERT OR UPDATE OF "brand", "model", "variant", "name" ON "cars"
  FOR EACH ROW EXECUTE FUNCTION "car_search_words_add"();

INSERT INTO "car_search_words" ("word")
  SELECT DISTINCT w FROM "cars", regexp_split_to_table("search_text", '[[:space:][:punct:]]+') AS w
  WHERE length(w) >= 2
  ON CONFLICT DO NOTHING;
