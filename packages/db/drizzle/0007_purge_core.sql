CREATE TABLE "purge_reviews" (
	"org_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"provenance_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"rule_ids" text[] NOT NULL,
	CONSTRAINT "purge_reviews_org_id_plan_id_provenance_id_pk" PRIMARY KEY("org_id","plan_id","provenance_id")
);
--> statement-breakpoint
DROP INDEX "purge_certificates_org_id_plan_id_index";--> statement-breakpoint
ALTER TABLE "erasure_records" DROP CONSTRAINT "erasure_records_org_id_plan_id_digest_pk";--> statement-breakpoint
ALTER TABLE "erasure_records" ADD CONSTRAINT "erasure_records_org_id_plan_id_batch_digest_pk" PRIMARY KEY("org_id","plan_id","batch","digest");--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "nightly_retention_purge" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "purge_plans" ADD COLUMN "origin" text DEFAULT 'operator' NOT NULL;--> statement-breakpoint
ALTER TABLE "purge_targets" ADD COLUMN "rule_ids" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "purge_reviews" ADD CONSTRAINT "purge_reviews_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objections_org_id_created_at_index" ON "objections" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "contacts_org_id_updated_at_index" ON "contacts" USING btree ("org_id","updated_at");--> statement-breakpoint
CREATE INDEX "provenance_org_id_created_at_index" ON "provenance" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "purge_certificates_one_per_plan" ON "purge_certificates" USING btree ("org_id","plan_id");--> statement-breakpoint
-- Row-level security for the new tenant table, as 0005 does for the other purge tables.
ALTER TABLE "purge_reviews" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "purge_reviews"
  USING (org_id = nullif(current_setting('isoloir.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('isoloir.org_id', true), '')::uuid);
