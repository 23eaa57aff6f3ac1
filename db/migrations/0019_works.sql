CREATE TABLE "works_acceptance" (
	"project_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"item" text NOT NULL,
	"document_id" uuid,
	"reference" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_name" text,
	CONSTRAINT "works_acceptance_project_id_item_pk" PRIMARY KEY("project_id","item")
);
--> statement-breakpoint
CREATE TABLE "works_log_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"on" date NOT NULL,
	"weather" text DEFAULT '' NOT NULL,
	"work_done" text NOT NULL,
	"workers" integer NOT NULL,
	"safety_checks" text DEFAULT '' NOT NULL,
	"by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "works_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"name" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"actual_start" date,
	"actual_end" date,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "works_milestones_key" UNIQUE("project_id","key")
);
--> statement-breakpoint
CREATE TABLE "works_parties" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"committee_id" uuid NOT NULL,
	"contractor_name" text NOT NULL,
	"contractor_licence" text DEFAULT '' NOT NULL,
	"site_manager" text DEFAULT '' NOT NULL,
	"site_manager_phone" text DEFAULT '' NOT NULL,
	"supervisor_name" text DEFAULT '' NOT NULL,
	"supervisor_contact" text DEFAULT '' NOT NULL,
	"supervisor_phone" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "works_templates" (
	"street_id" uuid PRIMARY KEY NOT NULL,
	"milestones" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "works_acceptance" ADD CONSTRAINT "works_acceptance_project_id_lift_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."lift_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works_acceptance" ADD CONSTRAINT "works_acceptance_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works_acceptance" ADD CONSTRAINT "works_acceptance_document_id_project_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."project_documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works_log_entries" ADD CONSTRAINT "works_log_entries_project_id_lift_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."lift_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works_log_entries" ADD CONSTRAINT "works_log_entries_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works_milestones" ADD CONSTRAINT "works_milestones_project_id_lift_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."lift_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works_milestones" ADD CONSTRAINT "works_milestones_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works_parties" ADD CONSTRAINT "works_parties_project_id_lift_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."lift_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works_parties" ADD CONSTRAINT "works_parties_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works_templates" ADD CONSTRAINT "works_templates_street_id_streets_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."streets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "works_acceptance_committee" ON "works_acceptance" USING btree ("committee_id");--> statement-breakpoint
CREATE INDEX "works_log_project" ON "works_log_entries" USING btree ("project_id","on");--> statement-breakpoint
CREATE INDEX "works_log_committee" ON "works_log_entries" USING btree ("committee_id");--> statement-breakpoint
CREATE INDEX "works_milestones_committee" ON "works_milestones" USING btree ("committee_id");