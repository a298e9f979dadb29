-- The database itself refuses enrichment data without a live consent, and withdrawal or objection
-- deletes it in the same transaction as the event (issue: Match done right, invariant 6).
CREATE FUNCTION isoloir_enrichment_requires_live_consent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM consents c
    WHERE c.org_id = NEW.org_id AND c.id = NEW.consent_id AND c.contact_id = NEW.contact_id
      AND c.scope = 'social_enrichment' AND c.withdrawn_at IS NULL
  ) THEN
    RAISE EXCEPTION 'enrichment row refused: consent % is not a live social_enrichment consent of contact %',
      NEW.consent_id, NEW.contact_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER enrichments_live_consent BEFORE INSERT OR UPDATE ON enrichments
  FOR EACH ROW EXECUTE FUNCTION isoloir_enrichment_requires_live_consent();
--> statement-breakpoint
CREATE FUNCTION isoloir_consent_withdrawn_deletes_enrichment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.withdrawn_at IS NOT NULL AND OLD.withdrawn_at IS NULL THEN
    DELETE FROM enrichments e WHERE e.org_id = NEW.org_id AND e.consent_id = NEW.id;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER consents_withdrawal_deletes_enrichment AFTER UPDATE OF withdrawn_at ON consents
  FOR EACH ROW EXECUTE FUNCTION isoloir_consent_withdrawn_deletes_enrichment();
--> statement-breakpoint
CREATE FUNCTION isoloir_objection_deletes_enrichment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM enrichments e WHERE e.org_id = NEW.org_id AND e.contact_id = NEW.contact_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER objections_delete_enrichment AFTER INSERT ON objections
  FOR EACH ROW EXECUTE FUNCTION isoloir_objection_deletes_enrichment();
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['country_setting_changes', 'provider_allow_list', 'enrichments']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (org_id = nullif(current_setting(''isoloir.org_id'', true), '''')::uuid) WITH CHECK (org_id = nullif(current_setting(''isoloir.org_id'', true), '''')::uuid)',
      t);
  END LOOP;
END $$;
