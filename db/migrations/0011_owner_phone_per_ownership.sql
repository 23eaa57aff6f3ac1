ALTER TABLE "unit_owners" ADD COLUMN "phone" text;--> statement-breakpoint
-- each committee keeps, on its ownerships, the phone the shared person row held until now
UPDATE "unit_owners" SET "phone" = "persons"."phone" FROM "persons" WHERE "persons"."id" = "unit_owners"."person_id";--> statement-breakpoint
ALTER TABLE "persons" DROP COLUMN "phone";
