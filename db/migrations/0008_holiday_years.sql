CREATE TABLE "notice_period_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"by_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holiday_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"street_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"holidays" jsonb NOT NULL,
	"source" text NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "holiday_years_street_year" UNIQUE("street_id","year")
);
--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "provisional" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "notice_period_changes" ADD CONSTRAINT "notice_period_changes_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_period_changes" ADD CONSTRAINT "notice_period_changes_project_id_lift_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."lift_projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_period_changes" ADD CONSTRAINT "notice_period_changes_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holiday_years" ADD CONSTRAINT "holiday_years_street_id_streets_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."streets"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notice_period_changes_notice" ON "notice_period_changes" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "notice_period_changes_committee_at" ON "notice_period_changes" USING btree ("committee_id","at");