CREATE TABLE "throttles" (
	"kind" text NOT NULL,
	"address" text NOT NULL,
	"subject" text NOT NULL,
	"failures" integer NOT NULL,
	"next_allowed_at" timestamp with time zone NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	CONSTRAINT "throttles_kind_address_subject_pk" PRIMARY KEY("kind","address","subject")
);
--> statement-breakpoint
DROP TABLE "login_failures" CASCADE;--> statement-breakpoint
CREATE INDEX "throttles_kind_last_failure" ON "throttles" USING btree ("kind","last_failure_at");