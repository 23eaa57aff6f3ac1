CREATE TABLE "running_bills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"floor" integer NOT NULL,
	"room" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"paid_fen" integer DEFAULT 0 NOT NULL,
	"last_paid_on" date,
	"last_receipt_no" text,
	CONSTRAINT "running_bills_unit" UNIQUE("year_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "running_cost_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"items" jsonb NOT NULL,
	"scheme" jsonb NOT NULL,
	"total_fen" integer NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "running_cost_years_year" UNIQUE("project_id","year")
);
--> statement-breakpoint
CREATE TABLE "subsidy_claims" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"committee_id" uuid NOT NULL,
	"status" text DEFAULT 'prepared' NOT NULL,
	"prepared_on" date,
	"submitted_on" date,
	"approved_on" date,
	"received_on" date,
	"granted_fen" integer,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "running_bills" ADD CONSTRAINT "running_bills_year_id_running_cost_years_id_fk" FOREIGN KEY ("year_id") REFERENCES "public"."running_cost_years"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "running_bills" ADD CONSTRAINT "running_bills_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "running_cost_years" ADD CONSTRAINT "running_cost_years_project_id_lift_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."lift_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "running_cost_years" ADD CONSTRAINT "running_cost_years_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_claims" ADD CONSTRAINT "subsidy_claims_project_id_lift_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."lift_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_claims" ADD CONSTRAINT "subsidy_claims_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE restrict ON UPDATE no action;