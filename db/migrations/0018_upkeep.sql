CREATE TABLE "lift_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lift_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"inspector" text NOT NULL,
	"report_no" text DEFAULT '' NOT NULL,
	"result" text NOT NULL,
	"next_due_on" date,
	"note" text DEFAULT '' NOT NULL,
	"by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lift_insurance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lift_id" uuid NOT NULL,
	"insurer" text NOT NULL,
	"policy_no" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"premium_fen" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maintenance_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lift_id" uuid NOT NULL,
	"company" text NOT NULL,
	"company_phone" text DEFAULT '' NOT NULL,
	"licence" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"yearly_fee_fen" integer NOT NULL,
	"fault_response_minutes" integer NOT NULL,
	"entrapment_response_minutes" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maintenance_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lift_id" uuid NOT NULL,
	"on" date NOT NULL,
	"kind" text NOT NULL,
	"technician" text NOT NULL,
	"items_done" jsonb NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"signed_by" text DEFAULT '' NOT NULL,
	"by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lift_inspections" ADD CONSTRAINT "lift_inspections_lift_id_lifts_id_fk" FOREIGN KEY ("lift_id") REFERENCES "public"."lifts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lift_insurance" ADD CONSTRAINT "lift_insurance_lift_id_lifts_id_fk" FOREIGN KEY ("lift_id") REFERENCES "public"."lifts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_contracts" ADD CONSTRAINT "maintenance_contracts_lift_id_lifts_id_fk" FOREIGN KEY ("lift_id") REFERENCES "public"."lifts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_visits" ADD CONSTRAINT "maintenance_visits_lift_id_lifts_id_fk" FOREIGN KEY ("lift_id") REFERENCES "public"."lifts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lift_inspections_lift" ON "lift_inspections" USING btree ("lift_id","on");--> statement-breakpoint
CREATE INDEX "lift_insurance_lift" ON "lift_insurance" USING btree ("lift_id","ends_on");--> statement-breakpoint
CREATE INDEX "maintenance_contracts_lift" ON "maintenance_contracts" USING btree ("lift_id","ends_on");--> statement-breakpoint
CREATE INDEX "maintenance_visits_lift" ON "maintenance_visits" USING btree ("lift_id","on");