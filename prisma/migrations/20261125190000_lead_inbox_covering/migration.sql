-- The inbox's score order also carries every column the inbox filters on, so a page is
-- found by an index-only scan that tests each lead's filters (and name/email/phone search)
-- in the index, then reads only the 50 rows it shows. Without them each skipped lead cost
-- a random read of its wide row (message, user agent).
DROP INDEX "idx_contacts_score_order";
CREATE INDEX "idx_contacts_score_order" ON "contact_submissions"("lead_score" DESC, "created_at" DESC, "id" DESC)
  INCLUDE ("status", "assigned_to_id", "source", "priority", "car_id", "next_contact_at", "name", "email", "phone");
