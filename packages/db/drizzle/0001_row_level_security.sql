-- Row-level security: tenants never see each other, even if a query forgets its org_id filter.
-- The API runs each org-scoped request as the role isoloir_tenant with isoloir.org_id set for the
-- transaction (see withTenant); the owner role (migrations, CLI maintenance) is not restricted.
DO $$
BEGIN
  CREATE ROLE isoloir_tenant NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO isoloir_tenant;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO isoloir_tenant;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO isoloir_tenant;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['elections', 'contacts', 'provenance', 'notices', 'consents', 'objections',
    'suppressions', 'country_settings', 'processors', 'audit_log', 'audit_heads', 'contact_assignments']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (org_id = nullif(current_setting(''isoloir.org_id'', true), '''')::uuid) WITH CHECK (org_id = nullif(current_setting(''isoloir.org_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;
