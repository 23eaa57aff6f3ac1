CREATE TABLE "consultation_materials" (
	"consultation_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "consultation_materials_consultation_id_document_id_pk" PRIMARY KEY("consultation_id","document_id")
);
--> statement-breakpoint
ALTER TABLE "cost_plans" ADD COLUMN "consultation_id" uuid;--> statement-breakpoint
ALTER TABLE "consultation_materials" ADD CONSTRAINT "consultation_materials_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_materials" ADD CONSTRAINT "consultation_materials_document_id_project_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."project_documents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_plans" ADD CONSTRAINT "cost_plans_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cost_plans_consultation" ON "cost_plans" USING btree ("consultation_id");