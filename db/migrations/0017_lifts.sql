CREATE TABLE "lifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"registration_code" text,
	"use_registration_no" text,
	"maker" text DEFAULT '' NOT NULL,
	"model" text DEFAULT '' NOT NULL,
	"rated_load_kg" integer,
	"speed_centi_mps" integer,
	"stops" integer,
	"floors_served" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"use_unit_kind" text,
	"use_unit_name" text DEFAULT '' NOT NULL,
	"use_unit_contact" text DEFAULT '' NOT NULL,
	"use_unit_phone" text DEFAULT '' NOT NULL,
	"entered_use_on" date,
	"warranty_starts_on" date,
	"warranty_months" integer,
	"inspection_plan" text DEFAULT 'yearly_inspection' NOT NULL,
	"public_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lifts_project" UNIQUE("project_id"),
	CONSTRAINT "lifts_public_code" UNIQUE("public_code")
);
--> statement-breakpoint
ALTER TABLE "lifts" ADD CONSTRAINT "lifts_project_id_lift_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."lift_projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifts" ADD CONSTRAINT "lifts_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lifts_committee" ON "lifts" USING btree ("committee_id");