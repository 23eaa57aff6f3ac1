-- One adopted cost plan per project. Two adoptions racing on PostgreSQL before this could leave
-- two: the later adopted stays in force and the others become superseded, as an adoption one after
-- the other would have left them.
UPDATE "cost_plans" SET "status" = 'superseded'
WHERE "status" = 'adopted' AND "id" NOT IN (
  SELECT DISTINCT ON ("project_id") "id" FROM "cost_plans" WHERE "status" = 'adopted'
  ORDER BY "project_id", "adopted_at" DESC NULLS LAST, "version" DESC
);--> statement-breakpoint
CREATE UNIQUE INDEX "cost_plans_one_adopted" ON "cost_plans" USING btree ("project_id") WHERE "cost_plans"."status" = 'adopted';
