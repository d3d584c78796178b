-- Written by hand: the inventory's totals and counts per value read this index alone
-- (an index-only scan of a few MB) instead of the wide car rows.
CREATE INDEX "idx_cars_live_filters" ON "cars" ("status", "brand")
    INCLUDE ("model", "category", "fuel_type", "transmission", "featured", "price_eur", "year", "mileage_km")
    WHERE "deleted_at" IS NULL;
