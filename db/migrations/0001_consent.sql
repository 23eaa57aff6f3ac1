CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"owner_entity" text NOT NULL,
	"committee_id" uuid,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"choice" text,
	"answers" jsonb,
	"channel" text NOT NULL,
	"recorded_by" uuid,
	"witness" text,
	"proxy_name" text,
	"signer_person_id" uuid,
	"document_id" uuid,
	"confirmed" boolean DEFAULT true NOT NULL,
	"confirmed_by" uuid,
	"ledger_hash" text NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ballots_one_per_group" UNIQUE("consultation_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "code_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ip" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"question" text NOT NULL,
	"documents_summary" text DEFAULT '' NOT NULL,
	"rule" jsonb,
	"questions" jsonb,
	"scope_kind" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opens_on" text,
	"closes_on" text,
	"double_entry" boolean DEFAULT false NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "elector_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"group_key" text NOT NULL,
	"owners" jsonb NOT NULL,
	"area_centi" integer NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "elector_groups_key" UNIQUE("consultation_id","group_key")
);
--> statement-breakpoint
CREATE TABLE "elector_units" (
	"consultation_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"stairwell_id" uuid NOT NULL,
	"floor" integer NOT NULL,
	"room" text NOT NULL,
	"area_centi" integer NOT NULL,
	CONSTRAINT "elector_units_unit" UNIQUE("consultation_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "household_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"code" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_codes_code_hash_unique" UNIQUE("code_hash")
);
--> statement-breakpoint
CREATE TABLE "ledger_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"consultation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"at" text NOT NULL,
	"payload" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "ledger_events_seq" UNIQUE("consultation_id","seq")
);
--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_group_id_elector_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."elector_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_signer_person_id_persons_id_fk" FOREIGN KEY ("signer_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_document_id_stored_files_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_project_id_lift_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."lift_projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elector_groups" ADD CONSTRAINT "elector_groups_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elector_units" ADD CONSTRAINT "elector_units_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elector_units" ADD CONSTRAINT "elector_units_group_id_elector_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."elector_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elector_units" ADD CONSTRAINT "elector_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_codes" ADD CONSTRAINT "household_codes_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_codes" ADD CONSTRAINT "household_codes_group_id_elector_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."elector_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_events" ADD CONSTRAINT "ledger_events_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_files_sha" ON "stored_files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "code_failures_ip_at" ON "code_failures" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "consultations_project" ON "consultations" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "consultations_committee" ON "consultations" USING btree ("committee_id");--> statement-breakpoint
CREATE INDEX "elector_units_group" ON "elector_units" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "household_codes_group" ON "household_codes" USING btree ("group_id");