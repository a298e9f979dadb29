-- The tenant role's privileges, named table by table (issue #12, section 3, first part).
--
-- 0001 granted isoloir_tenant SELECT, INSERT, UPDATE, DELETE on every table, and on every table created
-- after it, so the role that runs the API's tenant transactions could read password hashes, session
-- tokens with their CSRF tokens and the sign-in throttle. From here on the role holds exactly what the
-- tenant transactions use, listed below; a new table gives it nothing until a migration grants it, and
-- packages/db/src/catalog.test.ts fails on any privilege missing from its own copy of this list.
--
-- The owner (migrations, sign-in, sessions, job workers, the CLI) is not restricted: row-level
-- security does not apply to a table's owner without FORCE, which is not set.
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM isoloir_tenant;
--> statement-breakpoint
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM isoloir_tenant;
--> statement-breakpoint
-- Tenant tables: every row carries org_id and row-level security keeps the role to its organisation.
GRANT SELECT, INSERT, UPDATE, DELETE ON
  elections, contacts, provenance, notices, consents, objections, suppressions, suppression_lifts,
  country_settings, country_setting_changes, processors, provider_allow_list, enrichments,
  contact_assignments, purge_plans, purge_targets, purge_runs, purge_reviews, erasure_records,
  purge_certificates, membership_invitations
  TO isoloir_tenant;
--> statement-breakpoint
-- The audit log: appended (through the audit_log_append trigger) and read, never changed (0011).
GRANT SELECT, INSERT ON audit_log TO isoloir_tenant;
--> statement-breakpoint
GRANT SELECT ON audit_heads TO isoloir_tenant;
--> statement-breakpoint
-- The current organisation only: its settings are read and changed in tenant transactions.
GRANT SELECT, UPDATE ON organisations TO isoloir_tenant;
--> statement-breakpoint
ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON organisations
  USING (id = nullif(current_setting('isoloir.org_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('isoloir.org_id', true), '')::uuid);
--> statement-breakpoint
-- The current organisation's members only: listed, their roles changed, removed, and checked by four eyes.
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships TO isoloir_tenant;
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON memberships
  USING (org_id = nullif(current_setting('isoloir.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('isoloir.org_id', true), '')::uuid);
--> statement-breakpoint
-- Users: member lists show id, email and name, and an invitation looks an email up and creates the
-- account of a new one. Never password_hash for reading. The account an invitation creates must change
-- its password and is no platform operator (the policy below); any other insert is refused.
GRANT SELECT (id, email, name) ON users TO isoloir_tenant;
--> statement-breakpoint
GRANT INSERT (id, email, name, password_hash, must_change_password, platform_operator, locale, created_at)
  ON users TO isoloir_tenant;
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_read ON users FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY tenant_invite ON users FOR INSERT
  WITH CHECK (must_change_password AND NOT platform_operator);
--> statement-breakpoint
-- Sessions: the tenant role has no privilege on them at all (tokens and CSRF tokens). Removing a member
-- unbinds their sessions from the organisation through one narrow function, which touches only the
-- sessions of the organisation the transaction is bound to. (An UPDATE under row-level security would
-- need a SELECT policy that the unbound row, org_id null, no longer passes.) Row-level security stays
-- on as a second guard.
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_read ON sessions FOR SELECT
  USING (org_id = nullif(current_setting('isoloir.org_id', true), '')::uuid);
--> statement-breakpoint
CREATE FUNCTION unbind_member_sessions(member uuid, org uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  bound uuid := nullif(current_setting('isoloir.org_id', true), '')::uuid;
  changed integer;
BEGIN
  -- in a tenant transaction (the organisation is set) only that organisation; outside one (the owner's
  -- code: the CLI, tests), any
  IF bound IS NOT NULL AND bound <> org THEN
    RAISE EXCEPTION 'unbind_member_sessions: not this transaction''s organisation' USING ERRCODE = '42501';
  END IF;
  UPDATE sessions SET org_id = NULL WHERE user_id = member AND org_id = org;
  GET DIAGNOSTICS changed = ROW_COUNT;
  RETURN changed;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION unbind_member_sessions(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION unbind_member_sessions(uuid, uuid) TO isoloir_tenant;
