-- The lead inbox sorts by score, then date, then id (a stable keyset page). With the whole
-- sort key in one index a page of 50 reads about 50 rows / the filter's share of leads,
-- instead of every lead that shares the top score (the score is clamped at 100).
-- CreateIndex
CREATE INDEX "idx_contacts_score_order" ON "contact_submissions"("lead_score" DESC, "created_at" DESC, "id" DESC);

-- "Website leads of high priority": the page's total and the counts per status come from
-- this index alone (index-only), not from a scan of every lead.
-- CreateIndex
CREATE INDEX "idx_contacts_source_priority" ON "contact_submissions"("source", "priority", "status");
