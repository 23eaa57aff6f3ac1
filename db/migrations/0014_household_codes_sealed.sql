-- Household codes at rest (issue 9 item 9): the clear code and its unkeyed SHA-256 give way to an
-- HMAC and an AES-256-GCM sealed form under keys derived from the server secret, which is not in
-- the database (src/server/modules/consent/code-keys.ts). SQL does not know the secret, so rows of
-- an earlier version are converted at the first start of this one (sealClearCodes, before serving):
-- until then code_sealed holds the clear code and code_mac its old SHA-256; the conversion
-- rewrites both and then the table (VACUUM FULL).
CREATE TABLE "secret_checks" (
	"name" text PRIMARY KEY NOT NULL,
	"check_value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- replaced by "throttles" (migration 0012); nothing reads or writes it
DROP TABLE "code_failures";--> statement-breakpoint
ALTER TABLE "household_codes" RENAME COLUMN "code_hash" TO "code_mac";--> statement-breakpoint
ALTER TABLE "household_codes" RENAME CONSTRAINT "household_codes_code_hash_unique" TO "household_codes_code_mac_unique";--> statement-breakpoint
ALTER TABLE "household_codes" RENAME COLUMN "code" TO "code_sealed";
