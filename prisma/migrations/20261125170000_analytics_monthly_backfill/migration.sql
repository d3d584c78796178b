-- Written by hand: months that were finished before the monthly roll-ups existed are summed
-- once from the daily roll-ups (from now on the roll-up job keeps them in step).
INSERT INTO "analytics_monthly_path" ("month", "path", "views")
SELECT date_trunc('month', d."day")::date, d."path", sum(d."views")::int
  FROM "analytics_daily_path" d JOIN "analytics_rollup_state" s ON s."id" = 1
 WHERE (date_trunc('month', d."day") + interval '1 month')::date <= s."watermark"
 GROUP BY 1, 2
ON CONFLICT DO NOTHING;

INSERT INTO "analytics_monthly_car_views" ("month", "car_id", "views")
SELECT date_trunc('month', d."day")::date, d."car_id", sum(d."views")::int
  FROM "analytics_daily_car_views" d JOIN "analytics_rollup_state" s ON s."id" = 1
 WHERE (date_trunc('month', d."day") + interval '1 month')::date <= s."watermark"
 GROUP BY 1, 2
ON CONFLICT DO NOTHING;

INSERT INTO "analytics_monthly_vitals" ("month", "name", "path", "n", "good", "needs_improvement", "poor")
SELECT date_trunc('month', d."day")::date, d."name", d."path", sum(d."n")::int, sum(d."good")::int, sum(d."needs_improvement")::int, sum(d."poor")::int
  FROM "analytics_daily_vitals" d JOIN "analytics_rollup_state" s ON s."id" = 1
 WHERE (date_trunc('month', d."day") + interval '1 month')::date <= s."watermark"
 GROUP BY 1, 2, 3
ON CONFLICT DO NOTHING;
