-- A car's row was about 2 KB, half of it the search_vector and the descriptions. A search
-- that matches thousands of cars read thousands of 8 KB pages, more than shared_buffers
-- holds. Long values now go to the TOAST table from 256 bytes on, while the short columns
-- that lists, sorting and search read stay in the row (MAIN: compressed at most, moved out
-- only if the row could not fit a page; PLAIN for the search text that every search reads).
ALTER TABLE "cars"
  ALTER COLUMN "search_text" SET STORAGE PLAIN,
  ALTER COLUMN "name" SET STORAGE MAIN,
  ALTER COLUMN "slug" SET STORAGE MAIN,
  ALTER COLUMN "brand" SET STORAGE MAIN,
  ALTER COLUMN "model" SET STORAGE MAIN,
  ALTER COLUMN "variant" SET STORAGE MAIN,
  ALTER COLUMN "color" SET STORAGE MAIN,
  ALTER COLUMN "vin" SET STORAGE MAIN,
  ALTER COLUMN "registration_number" SET STORAGE MAIN,
  ALTER COLUMN "meta_title" SET STORAGE MAIN;
ALTER TABLE "cars" SET (toast_tuple_target = 256);

-- CLUSTER rewrites the table, moving the long values of existing rows out as it goes, and
-- packs the rows newest together, as the list shows them. (An UPDATE first would leave the
-- old row versions in the table: in the same transaction CLUSTER must keep them.)
-- A dealership's few thousand cars take a moment.
CLUSTER "cars" USING "idx_cars_created_at";

-- Brand and model are strongly dependent (every Octavia is a Skoda): without this the
-- planner multiplies their selectivities and underestimates "Skoda Octavia" tenfold.
CREATE STATISTICS "cars_brand_model_stats" (dependencies, mcv) ON "brand", "model" FROM "cars";
ANALYZE "cars";
