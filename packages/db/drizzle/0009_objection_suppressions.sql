-- Every objection already stored gets its suppression record (invariant 5): one per identifier HMAC of
-- the objector, scope `all` if any of the objections behind it is, else the union of their channels,
-- dated by the earliest. Records merge with what is there the same way (`suppressionMerge` in
-- src/suppression-merge.ts). Identity HMACs are new in 0008, so no contact has one yet.
WITH "objector_identifiers" AS (
  SELECT c.org_id, k.kind, k.hmac, o.all_channels, o.channels, o.at
  FROM "objections" o
  JOIN "contacts" c ON c.org_id = o.org_id AND c.id = o.contact_id
  CROSS JOIN LATERAL (VALUES ('email', c.email_hmac), ('phone', c.phone_hmac)) AS k(kind, hmac)
  WHERE k.hmac IS NOT NULL
),
"records" AS (
  SELECT i.org_id, i.kind, i.hmac, bool_or(i.all_channels) AS all_channels, min(i.at) AS at,
    coalesce(array_agg(DISTINCT ch ORDER BY ch) FILTER (WHERE ch IS NOT NULL), '{}') AS channels
  FROM "objector_identifiers" i LEFT JOIN LATERAL unnest(i.channels) AS ch ON true
  GROUP BY i.org_id, i.kind, i.hmac
)
INSERT INTO "suppressions" ("org_id", "kind", "hmac", "all_channels", "channels", "reason", "at")
SELECT r.org_id, r.kind::"identifier_kind", r.hmac, r.all_channels,
  CASE WHEN r.all_channels THEN '{}'::"channel"[] ELSE r.channels END, 'objection', r.at
FROM "records" r
WHERE r.all_channels OR cardinality(r.channels) > 0
ON CONFLICT ("org_id", "kind", "hmac") DO UPDATE SET
  "all_channels" = "suppressions"."all_channels" OR excluded."all_channels",
  "channels" = CASE WHEN "suppressions"."all_channels" OR excluded."all_channels" THEN '{}'::"channel"[]
    ELSE ARRAY(SELECT DISTINCT ch FROM unnest("suppressions"."channels" || excluded."channels") AS ch ORDER BY ch) END,
  "at" = least("suppressions"."at", excluded."at")
WHERE (excluded."all_channels" AND NOT "suppressions"."all_channels")
  OR (NOT "suppressions"."all_channels" AND NOT excluded."channels" <@ "suppressions"."channels")
  OR excluded."at" < "suppressions"."at";
