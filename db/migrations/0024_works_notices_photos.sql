CREATE TABLE "works_log_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "works" jsonb;--> statement-breakpoint
ALTER TABLE "works_log_photos" ADD CONSTRAINT "works_log_photos_entry_id_works_log_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."works_log_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works_log_photos" ADD CONSTRAINT "works_log_photos_project_id_lift_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."lift_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works_log_photos" ADD CONSTRAINT "works_log_photos_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "works_log_photos" ADD CONSTRAINT "works_log_photos_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "works_log_photos_entry" ON "works_log_photos" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "works_log_photos_project" ON "works_log_photos" USING btree ("project_id");