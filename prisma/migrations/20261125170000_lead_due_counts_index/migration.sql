-- Counts per status of the follow-ups due today (or overdue): with the status beside the
-- date they come from this index alone, not from one heap visit per due lead.
-- CreateIndex
CREATE INDEX "idx_contacts_next_contact_status" ON "contact_submissions"("next_contact_at", "status");
