CREATE TABLE "agreement_templates" (
	"street_id" uuid PRIMARY KEY NOT NULL,
	"clauses" jsonb,
	"amend_quorum" jsonb,
	"version" integer NOT NULL,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_templates" ADD CONSTRAINT "agreement_templates_street_id_streets_id_fk" FOREIGN KEY ("street_id") REFERENCES "public"."streets"("id") ON DELETE cascade ON UPDATE no action;