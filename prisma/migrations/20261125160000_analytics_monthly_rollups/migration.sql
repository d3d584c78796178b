-- Analytics roll-ups by finished UTC month (paths, car views, web-vitals rating counts), so
-- ranges of months and years read a row per month instead of one per day.

-- CreateTable
CREATE TABLE "analytics_monthly_path" (
    "month" DATE NOT NULL,
    "path" TEXT NOT NULL,
    "views" INTEGER NOT NULL,

    CONSTRAINT "analytics_monthly_path_pkey" PRIMARY KEY ("month","path")
);

-- CreateTable
CREATE TABLE "analytics_monthly_car_views" (
    "month" DATE NOT NULL,
    "car_id" TEXT NOT NULL,
    "views" INTEGER NOT NULL,

    CONSTRAINT "analytics_monthly_car_views_pkey" PRIMARY KEY ("month","car_id")
);

-- CreateTable
CREATE TABLE "analytics_monthly_vitals" (
    "month" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "good" INTEGER NOT NULL,
    "needs_improvement" INTEGER NOT NULL,
    "poor" INTEGER NOT NULL,

    CONSTRAINT "analytics_monthly_vitals_pkey" PRIMARY KEY ("month","name","path")
);


-- Written by hand: emptied raw tables empty the monthly roll-ups too.
CREATE OR REPLACE FUNCTION "analytics_rows_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "analytics_daily_traffic";
    DELETE FROM "analytics_daily_path";
    DELETE FROM "analytics_daily_referrer";
    DELETE FROM "analytics_daily_car_views";
    DELETE FROM "analytics_daily_vitals";
    DELETE FROM "analytics_monthly_path";
    DELETE FROM "analytics_monthly_car_views";
    DELETE FROM "analytics_monthly_vitals";
    DELETE FROM "analytics_day_sessions";
    DELETE FROM "analytics_dirty_days";
    UPDATE "analytics_rollup_state"
       SET "watermark" = NULL, "partial_until" = NULL, "version" = "version" + 1, "updated_at" = now()
     WHERE "id" = 1;
    RETURN NULL;
END;
$$;
