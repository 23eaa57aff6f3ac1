CREATE TABLE "running_bill_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bill_id" uuid NOT NULL,
	"amount_fen" integer NOT NULL,
	"paid_on" date NOT NULL,
	"method" text NOT NULL,
	"receipt_no" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "running_bill_payments" ADD CONSTRAINT "running_bill_payments_bill_id_running_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."running_bills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "running_bill_payments_bill" ON "running_bill_payments" USING btree ("bill_id");