ALTER TABLE "street_templates" ADD COLUMN "subsidy_rules" jsonb;--> statement-breakpoint
ALTER TABLE "street_templates" ADD COLUMN "scheme_presets" jsonb;