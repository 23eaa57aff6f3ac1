-- The day-by-day overrides become whole years (holiday_years): each street's rest days of one
-- name and year become a holiday from its first to its last day, with the working days of the
-- same name as its make-up days. Make-up days without a holiday of their name are not carried
-- over (a year must be re-entered whole in the new screen anyway).
INSERT INTO "holiday_years" ("street_id", "year", "holidays", "source", "created_by_name", "created_at", "updated_by_name", "updated_at")
SELECT h."street_id", h."year", jsonb_agg(h."holiday" ORDER BY h."holiday"->>'start'), '由逐日节假日设置迁移 Migrated from day-by-day overrides',
       min(h."by"), min(h."at"), min(h."by"), max(h."at")
FROM (
  SELECT "street_id", extract(year FROM "date")::int AS "year",
         jsonb_build_object(
           'name', coalesce(nullif("name", ''), '节假日'),
           'start', (min("date") FILTER (WHERE NOT "work"))::text,
           'end', (max("date") FILTER (WHERE NOT "work"))::text,
           'workdays', coalesce(jsonb_agg("date"::text ORDER BY "date") FILTER (WHERE "work"), '[]'::jsonb)) AS "holiday",
         min("created_by_name") AS "by", min("created_at") AS "at"
  FROM "calendar_overrides"
  GROUP BY "street_id", extract(year FROM "date"), "name"
  HAVING bool_or(NOT "work")
) h
GROUP BY h."street_id", h."year";
--> statement-breakpoint
DROP TABLE "calendar_overrides" CASCADE;
