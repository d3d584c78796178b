-- What schema.prisma cannot express: full-text search, trigram matching, partial
-- indexes, CHECK constraints and the insert-only audit log. Written by hand.

-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Full-text search. Title words are indexed under 'simple' (exact brand and model tokens)
-- and under both stemmers, so a Finnish or an English query finds them; descriptions are
-- stemmed in their own language and weigh less.
ALTER TABLE "cars" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, coalesce("brand", '') || ' ' || coalesce("model", '') || ' ' || coalesce("variant", '') || ' ' || coalesce("name", '')), 'A') ||
    setweight(to_tsvector('finnish'::regconfig, coalesce("name", '')), 'B') ||
    setweight(to_tsvector('english'::regconfig, coalesce("name", '')), 'B') ||
    setweight(to_tsvector('finnish'::regconfig, coalesce("description", '')), 'C') ||
    setweight(to_tsvector('english'::regconfig, coalesce("description_en", '')), 'C')
) STORED;
CREATE INDEX "idx_cars_search_vector" ON "cars" USING GIN ("search_vector");

-- One lower-cased text of the car's title for typo-tolerant (trigram) matching.
ALTER TABLE "cars" ADD COLUMN "search_text" text GENERATED ALWAYS AS (
    lower(coalesce("brand", '') || ' ' || coalesce("model", '') || ' ' || coalesce("variant", '') || ' ' || coalesce("name", ''))
) STORED;
CREATE INDEX "idx_cars_search_text_trgm" ON "cars" USING GIN ("search_text" gin_trgm_ops);
CREATE INDEX "idx_cars_brand_trgm" ON "cars" USING GIN (lower("brand") gin_trgm_ops);
CREATE INDEX "idx_cars_model_trgm" ON "cars" USING GIN (lower("model") gin_trgm_ops);

-- Leads are searched by name, email or phone with partial input.
CREATE INDEX "idx_contacts_name_trgm" ON "contact_submissions" USING GIN (lower("name") gin_trgm_ops);
CREATE INDEX "idx_contacts_email_trgm" ON "contact_submissions" USING GIN (lower("email") gin_trgm_ops);

-- Normal inventory queries skip soft-deleted cars; this keeps them on a small index.
CREATE INDEX "idx_cars_live_created_at" ON "cars" ("created_at" DESC, "id") WHERE "deleted_at" IS NULL;
CREATE INDEX "idx_cars_deleted_at" ON "cars" ("deleted_at") WHERE "deleted_at" IS NOT NULL;

-- At most one primary image per car.
CREATE UNIQUE INDEX "idx_car_images_one_primary" ON "car_images" ("car_id") WHERE "is_primary";

-- Values no screen or import may break.
ALTER TABLE "cars"
    ADD CONSTRAINT "cars_price_nonnegative" CHECK ("price_eur" >= 0),
    ADD CONSTRAINT "cars_mileage_nonnegative" CHECK ("mileage_km" >= 0),
    ADD CONSTRAINT "cars_year_range" CHECK ("year" BETWEEN 1900 AND 2100),
    ADD CONSTRAINT "cars_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    ADD CONSTRAINT "cars_version_positive" CHECK ("version" >= 1);
ALTER TABLE "contact_submissions"
    ADD CONSTRAINT "contacts_lead_score_range" CHECK ("lead_score" BETWEEN 0 AND 100);

-- The audit log is insert-only, whoever owns the table: rows can be added, never changed
-- or removed. (User ids stay: users are deactivated, never deleted.)
CREATE FUNCTION "activity_logs_insert_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'activity_logs is insert-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "activity_logs_no_update" BEFORE UPDATE OR DELETE ON "activity_logs"
    FOR EACH ROW EXECUTE FUNCTION "activity_logs_insert_only"();
CREATE TRIGGER "activity_logs_no_truncate" BEFORE TRUNCATE ON "activity_logs"
    FOR EACH STATEMENT EXECUTE FUNCTION "activity_logs_insert_only"();
