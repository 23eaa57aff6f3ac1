ALTER TABLE "lift_faults" ADD COLUMN "on_site_limit_minutes" integer;--> statement-breakpoint
-- reports made before this column: the contract in force on the report's day (Shanghai), never
-- looser than the 30-minute entrapment rule, else the defaults of core/faults.ts (30 min, 24 h)
UPDATE "lift_faults" f SET "on_site_limit_minutes" = COALESCE(
  (SELECT CASE WHEN f."kind" = 'entrapment' THEN LEAST(c."entrapment_response_minutes", 30) ELSE c."fault_response_minutes" END
     FROM "maintenance_contracts" c
    WHERE c."lift_id" = f."lift_id"
      AND c."starts_on" <= (f."reported_at" AT TIME ZONE 'Asia/Shanghai')::date
      AND c."ends_on" >= (f."reported_at" AT TIME ZONE 'Asia/Shanghai')::date
    ORDER BY c."starts_on" DESC LIMIT 1),
  CASE WHEN f."kind" = 'entrapment' THEN 30 ELSE 1440 END);--> statement-breakpoint
ALTER TABLE "lift_faults" ALTER COLUMN "on_site_limit_minutes" SET NOT NULL;
