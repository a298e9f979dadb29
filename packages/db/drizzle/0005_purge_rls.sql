DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['purge_plans', 'purge_targets', 'purge_runs', 'erasure_records', 'purge_certificates']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (org_id = nullif(current_setting(''isoloir.org_id'', true), '''')::uuid) WITH CHECK (org_id = nullif(current_setting(''isoloir.org_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;
