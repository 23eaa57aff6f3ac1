CREATE TABLE "cost_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"construction_fen" integer NOT NULL,
	"other_costs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"subsidy" jsonb,
	"other_funds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"compensations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scheme" jsonb NOT NULL,
	"schedule" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"running_cost_rule" text DEFAULT '' NOT NULL,
	"subsidy_fen" integer NOT NULL,
	"amount_to_share_fen" integer NOT NULL,
	"adopted_at" timestamp with time zone,
	"adopted_by_name" text,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_plans_version" UNIQUE("project_id","version")
);
--> statement-breakpoint
CREATE TABLE "cost_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"floor" integer NOT NULL,
	"room" text NOT NULL,
	"area_centi" integer NOT NULL,
	"share_fen" integer NOT NULL,
	"compensation_fen" integer NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_channel" text,
	"signed_document_id" uuid,
	"signed_by_name" text,
	CONSTRAINT "cost_shares_unit" UNIQUE("plan_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"amount_fen" integer NOT NULL,
	"paid_on" date NOT NULL,
	"method" text NOT NULL,
	"receipt_no" text NOT NULL,
	"provident_fund" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_receipt" UNIQUE("plan_id","receipt_no")
);
--> statement-breakpoint
ALTER TABLE "cost_plans" ADD CONSTRAINT "cost_plans_project_id_lift_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."lift_projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_plans" ADD CONSTRAINT "cost_plans_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_shares" ADD CONSTRAINT "cost_shares_plan_id_cost_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."cost_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_shares" ADD CONSTRAINT "cost_shares_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_shares" ADD CONSTRAINT "cost_shares_signed_document_id_stored_files_id_fk" FOREIGN KEY ("signed_document_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_plan_id_cost_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."cost_plans"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cost_plans_project" ON "cost_plans" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "payments_plan_unit" ON "payments" USING btree ("plan_id","unit_id");