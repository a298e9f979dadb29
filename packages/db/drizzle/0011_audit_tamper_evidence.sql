-- Tamper evidence for the audit log (issue #12, section 4).
--
-- * Deleting an organisation keeps its audit log: no foreign key (and so no ON DELETE CASCADE) from
--   the audit tables to organisations.
-- * Rows written before this migration keep their hash and become scheme 1 (the plain hash);
--   every new row is scheme 2: a hash of exactly what is stored (time in microseconds, the jsonb's
--   own text) plus a MAC computed by the application with a key the database never sees.
-- * seq >= 1, so verification and listing cover the same rows.
-- * Appends go through the BEFORE INSERT trigger audit_log_append (SECURITY DEFINER): it takes the
--   head's lock, refuses anything but the head's successor and a hash that is not the row's own, and
--   moves the head. audit_begin locks the head for the application and tells it what to hash.
-- * UPDATE, DELETE and TRUNCATE of audit_log and audit_heads are refused for every role by triggers
--   (the head moves only from inside audit_log_append), and isoloir_tenant holds no such privilege.
ALTER TABLE "audit_heads" DROP CONSTRAINT IF EXISTS "audit_heads_org_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT IF EXISTS "audit_log_org_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "scheme" smallint DEFAULT 1 NOT NULL;
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "scheme" SET DEFAULT 2;
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "mac" text;
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_scheme_known" CHECK ("audit_log"."scheme" in (1, 2));
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_mac_by_scheme" CHECK (("audit_log"."scheme" = 1) = ("audit_log"."mac" is null));
--> statement-breakpoint
-- A forged row with seq <= 0 already present must not stop the migration: the constraint holds for
-- every new row at once, and `isoloir audit verify` reports the old one.
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_seq_positive" CHECK ("audit_log"."seq" >= 1) NOT VALID;
--> statement-breakpoint
DO $$
BEGIN
  ALTER TABLE "audit_log" VALIDATE CONSTRAINT "audit_log_seq_positive";
EXCEPTION WHEN check_violation THEN
  RAISE WARNING 'audit_log holds rows with seq < 1: run isoloir audit verify';
END $$;
--> statement-breakpoint
-- One field of the hashed text: its length in UTF-8 bytes, a colon, the text, a newline; "-" for NULL.
CREATE FUNCTION audit_field(value text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
  SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(convert_to(value, 'UTF8'))::text || ':' || value END
    || chr(10)
$$;
--> statement-breakpoint
-- The scheme-2 hash of a row, from what is stored: `at` as epoch microseconds, `details` as its jsonb
-- text. packages/audit/src/chain.ts computes the same in the application.
CREATE FUNCTION audit_entry_hash(
  org_id uuid, seq bigint, at timestamptz, action text, actor text, target text, details jsonb, prev_hash text
) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
  SELECT encode(sha256(convert_to(
    'isoloir audit v2' || chr(10)
      || public.audit_field(org_id::text)
      || public.audit_field(seq::text)
      || public.audit_field(((extract(epoch FROM at) * 1000000)::bigint)::text)
      || public.audit_field(action)
      || public.audit_field(actor)
      || public.audit_field(target)
      || public.audit_field(details::text)
      || public.audit_field(prev_hash),
    'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Locks the organisation's head (creating it on first use) and returns it, the database's clock in
-- epoch microseconds, and the stored text of each of `details` (a JSON array), which is what is hashed.
CREATE FUNCTION audit_begin(p_org uuid, p_details jsonb)
RETURNS TABLE (head_seq bigint, head_hash text, at_us text, details_text text[])
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  tenant text := nullif(current_setting('isoloir.org_id', true), '');
  found_seq bigint;
  found_hash text;
BEGIN
  IF tenant IS NOT NULL AND tenant::uuid <> p_org THEN
    RAISE EXCEPTION 'audit_begin: organisation % is not this transaction''s', p_org
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT h.seq, h.hash INTO found_seq, found_hash FROM audit_heads h WHERE h.org_id = p_org FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_heads (org_id, seq, hash) VALUES (p_org, 0, repeat('0', 64)) ON CONFLICT (org_id) DO NOTHING;
    SELECT h.seq, h.hash INTO found_seq, found_hash FROM audit_heads h WHERE h.org_id = p_org FOR UPDATE;
  END IF;
  RETURN QUERY SELECT found_seq, found_hash, ((extract(epoch FROM clock_timestamp()) * 1000000)::bigint)::text,
    ARRAY(SELECT x.e::text FROM jsonb_array_elements(p_details) WITH ORDINALITY AS x(e, n) ORDER BY x.n);
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_begin(uuid, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_begin(uuid, jsonb) TO isoloir_tenant;
--> statement-breakpoint
CREATE FUNCTION audit_log_append() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  IF NEW.scheme IS DISTINCT FROM 2 OR NEW.mac IS NULL THEN
    RAISE EXCEPTION 'audit_log: a new entry is scheme 2, with a MAC' USING ERRCODE = 'check_violation';
  END IF;
  SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_heads h WHERE h.org_id = NEW.org_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_heads (org_id, seq, hash) VALUES (NEW.org_id, 0, repeat('0', 64)) ON CONFLICT (org_id) DO NOTHING;
    SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_heads h WHERE h.org_id = NEW.org_id FOR UPDATE;
  END IF;
  IF NEW.seq IS DISTINCT FROM head_seq + 1 OR NEW.prev_hash IS DISTINCT FROM head_hash THEN
    RAISE EXCEPTION 'audit_log: entry % of organisation % does not extend its head (entry %)',
      NEW.seq, NEW.org_id, head_seq USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.hash IS DISTINCT FROM audit_entry_hash(NEW.org_id, NEW.seq, NEW.at, NEW.action, NEW.actor, NEW.target,
      NEW.details, NEW.prev_hash) THEN
    RAISE EXCEPTION 'audit_log: entry % of organisation % carries a hash that is not its own', NEW.seq, NEW.org_id
      USING ERRCODE = 'check_violation';
  END IF;
  UPDATE audit_heads SET seq = NEW.seq, hash = NEW.hash WHERE org_id = NEW.org_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append();
--> statement-breakpoint
-- Refuses UPDATE, DELETE and TRUNCATE, for every role; the one exception is audit_log_append moving
-- a head by one entry (an UPDATE of audit_heads from inside that trigger).
CREATE FUNCTION audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF TG_TABLE_NAME = 'audit_heads' AND TG_OP = 'UPDATE' AND pg_trigger_depth() > 1
      AND NEW.org_id = OLD.org_id AND NEW.seq = OLD.seq + 1 THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '%: % refused, the audit log is append-only', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_refuse_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_refuse_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_heads_refuse_change BEFORE UPDATE OR DELETE ON audit_heads
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_heads_refuse_truncate BEFORE TRUNCATE ON audit_heads
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_heads FROM isoloir_tenant;
--> statement-breakpoint
REVOKE INSERT ON audit_heads FROM isoloir_tenant;
