ALTER TABLE "sessions" ADD COLUMN "id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "address" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "user_agent" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "disabled_by" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_login_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_id_unique" UNIQUE("id");--> statement-breakpoint
-- accounts disabled before this migration (by SQL) keep their state, dated by their last change
UPDATE "users" SET "disabled_at" = "updated_at", "disabled_by" = 'system' WHERE "disabled";--> statement-breakpoint
-- a store seeded with the demo street: its four accounts (created by that seed, which runs only on an empty store) are the demo accounts
UPDATE "users" SET "demo" = true WHERE "username" IN ('admin', 'shengli', 'jjl', 'district') AND EXISTS (SELECT 1 FROM "audit_events" WHERE "action" = 'seed_demo');--> statement-breakpoint
-- the last login as the audit log knows it
UPDATE "users" SET "last_login_at" = (SELECT max("at") FROM "audit_events" WHERE "action" = 'login' AND "actor_user_id" = "users"."id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_disabled_when" CHECK ("disabled" = ("disabled_at" is not null));