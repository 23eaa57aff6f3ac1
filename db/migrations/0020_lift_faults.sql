CREATE TABLE "lift_faults" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lift_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"ref" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"from_group_id" uuid,
	"from_label" text DEFAULT '' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"reported_by_name" text NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_name" text,
	"on_site_at" timestamp with time zone,
	"on_site_by_name" text,
	"fixed_at" timestamp with time zone,
	"fixed_by_name" text,
	"closed_at" timestamp with time zone,
	"closed_by_name" text,
	"resolution" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lift_faults_ref" UNIQUE("ref")
);
--> statement-breakpoint
ALTER TABLE "lift_faults" ADD CONSTRAINT "lift_faults_lift_id_lifts_id_fk" FOREIGN KEY ("lift_id") REFERENCES "public"."lifts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lift_faults" ADD CONSTRAINT "lift_faults_project_id_lift_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."lift_projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lift_faults" ADD CONSTRAINT "lift_faults_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lift_faults" ADD CONSTRAINT "lift_faults_from_group_id_elector_groups_id_fk" FOREIGN KEY ("from_group_id") REFERENCES "public"."elector_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lift_faults_lift" ON "lift_faults" USING btree ("lift_id","reported_at");--> statement-breakpoint
CREATE INDEX "lift_faults_committee" ON "lift_faults" USING btree ("committee_id");--> statement-breakpoint
CREATE INDEX "lift_faults_group" ON "lift_faults" USING btree ("from_group_id");