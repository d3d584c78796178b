-- Analytics roll-ups: daily aggregates of page_views, car_views and web_vitals by UTC day,
-- the state row (watermark, today's partial roll-up, version) and the dirty-day triggers.

-- CreateTable
CREATE TABLE "analytics_rollup_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "watermark" DATE,
    "partial_until" TIMESTAMP(3),
    "version" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_rollup_state_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analytics_dirty_days" (
    "day" DATE NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_dirty_days_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "analytics_day_sessions" (
    "day" DATE NOT NULL,
    "session_id" TEXT NOT NULL,

    CONSTRAINT "analytics_day_sessions_pkey" PRIMARY KEY ("day","session_id")
);

-- CreateTable
CREATE TABLE "analytics_daily_traffic" (
    "day" DATE NOT NULL,
    "page_views" INTEGER NOT NULL,
    "sessions" INTEGER NOT NULL,
    "car_views" INTEGER NOT NULL,
    "computed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analytics_daily_traffic_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "analytics_daily_path" (
    "day" DATE NOT NULL,
    "path" TEXT NOT NULL,
    "views" INTEGER NOT NULL,

    CONSTRAINT "analytics_daily_path_pkey" PRIMARY KEY ("day","path")
);

-- CreateTable
CREATE TABLE "analytics_daily_referrer" (
    "day" DATE NOT NULL,
    "host" TEXT NOT NULL,
    "views" INTEGER NOT NULL,

    CONSTRAINT "analytics_daily_referrer_pkey" PRIMARY KEY ("day","host")
);

-- CreateTable
CREATE TABLE "analytics_daily_car_views" (
    "day" DATE NOT NULL,
    "car_id" TEXT NOT NULL,
    "views" INTEGER NOT NULL,

    CONSTRAINT "analytics_daily_car_views_pkey" PRIMARY KEY ("day","car_id")
);

-- CreateTable
CREATE TABLE "analytics_daily_vitals" (
    "day" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "p75" DOUBLE PRECISION NOT NULL,
    "n" INTEGER NOT NULL,
    "good" INTEGER NOT NULL,
    "needs_improvement" INTEGER NOT NULL,
    "poor" INTEGER NOT NULL,

    CONSTRAINT "analytics_daily_vitals_pkey" PRIMARY KEY ("day","name","path")
);

-- CreateIndex
CREATE INDEX "idx_analytics_daily_car_views_car" ON "analytics_daily_car_views"("car_id", "day");


-- Written by hand: the single state row, how a route and a referrer host are read, and
-- triggers that keep the roll-ups honest when raw rows go away.
ALTER TABLE "analytics_rollup_state" ADD CONSTRAINT "analytics_rollup_state_one_row" CHECK ("id" = 1);
INSERT INTO "analytics_rollup_state" ("id", "watermark", "partial_until", "version") VALUES (1, NULL, NULL, 0);

-- Sales of a period are read by sale date.
CREATE INDEX "idx_cars_sold_at" ON "cars"("sold_at") WHERE "sold_at" IS NOT NULL;

-- The web-vitals route of a path: every car page is the same template.
CREATE FUNCTION "analytics_route"("path" text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN "path" ~ '^/autot/[^/?#]+/?$' THEN '/autot/*' ELSE "path" END $$;

-- The host a referrer URL names: lower case, without "www.", a user or a port; '' for no
-- referrer (typed in, bookmarks) and '(other)' for something that is not a URL.
CREATE FUNCTION "analytics_referrer_host"("referrer" text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE
        WHEN "referrer" IS NULL OR btrim("referrer") = '' THEN ''
        ELSE coalesce(nullif(regexp_replace(lower(substring(btrim("referrer") FROM '^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?([^/?#:]+)')), '^www\.', ''), ''), '(other)')
    END $$;

-- Raw rows deleted from a rolled-up day (a car purged with its views, a clean-up): the day
-- is read raw until the job recomputes it, and aggregations cached for finished days are
-- dropped (the version is part of their keys).
CREATE FUNCTION "analytics_rows_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    wm date;
    covered timestamp(3);
BEGIN
    SELECT "watermark", coalesce("partial_until", "watermark") INTO wm, covered FROM "analytics_rollup_state" WHERE "id" = 1;
    IF wm IS NULL OR NOT EXISTS (SELECT 1 FROM removed WHERE "created_at" < covered) THEN
        RETURN NULL;
    END IF;
    INSERT INTO "analytics_dirty_days" ("day")
    SELECT DISTINCT "created_at"::date FROM removed WHERE "created_at" < covered
    ON CONFLICT ("day") DO NOTHING;
    IF EXISTS (SELECT 1 FROM removed WHERE "created_at" < wm) THEN
        UPDATE "analytics_rollup_state" SET "version" = "version" + 1, "updated_at" = now() WHERE "id" = 1;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "page_views_analytics_removed" AFTER DELETE ON "page_views"
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "analytics_rows_removed"();
CREATE TRIGGER "car_views_analytics_removed" AFTER DELETE ON "car_views"
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "analytics_rows_removed"();
CREATE TRIGGER "web_vitals_analytics_removed" AFTER DELETE ON "web_vitals"
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "analytics_rows_removed"();

-- Emptied raw tables (the seeder's reset): the roll-ups start over from the first day.
CREATE FUNCTION "analytics_rows_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "analytics_daily_traffic";
    DELETE FROM "analytics_daily_path";
    DELETE FROM "analytics_daily_referrer";
    DELETE FROM "analytics_daily_car_views";
    DELETE FROM "analytics_daily_vitals";
    DELETE FROM "analytics_day_sessions";
    DELETE FROM "analytics_dirty_days";
    UPDATE "analytics_rollup_state"
       SET "watermark" = NULL, "partial_until" = NULL, "version" = "version" + 1, "updated_at" = now()
     WHERE "id" = 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "page_views_analytics_truncated" AFTER TRUNCATE ON "page_views"
    FOR EACH STATEMENT EXECUTE FUNCTION "analytics_rows_truncated"();
CREATE TRIGGER "car_views_analytics_truncated" AFTER TRUNCATE ON "car_views"
    FOR EACH STATEMENT EXECUTE FUNCTION "analytics_rows_truncated"();
CREATE TRIGGER "web_vitals_analytics_truncated" AFTER TRUNCATE ON "web_vitals"
    FOR EACH STATEMENT EXECUTE FUNCTION "analytics_rows_truncated"();
