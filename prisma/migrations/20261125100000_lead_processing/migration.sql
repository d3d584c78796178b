-- AlterTable
ALTER TABLE "contact_submissions" ADD COLUMN     "processed_at" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "idx_contacts_unprocessed" ON "contact_submissions"("processed_at");


-- Written by hand. Leads already there when this runs count as processed.
UPDATE "contact_submissions" SET "processed_at" = "created_at" WHERE "processed_at" IS NULL;

-- Duplicate detection: email case-insensitively, phone by its last nine digits
-- (+358 40 123 4567 and 040 123 4567 are the same number).
CREATE INDEX "idx_contacts_email_lower" ON "contact_submissions" (lower("email"), "created_at");
CREATE INDEX "idx_contacts_phone_digits" ON "contact_submissions" (right(regexp_replace("phone", '\D', '', 'g'), 9), "created_at") WHERE "phone" IS NOT NULL;

-- Every open app hears of a new lead at once, also of those the website inserts itself.
CREATE FUNCTION "contact_submissions_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('kroi_leads', json_build_object('op', lower(TG_OP), 'id', NEW."id")::text);
    RETURN NULL;
END;
$$;
CREATE TRIGGER "contact_submissions_notify_insert" AFTER INSERT ON "contact_submissions"
    FOR EACH ROW EXECUTE FUNCTION "contact_submissions_notify"();
