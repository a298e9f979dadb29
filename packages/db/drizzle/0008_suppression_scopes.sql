ALTER TYPE "public"."identifier_kind" ADD VALUE 'identity';--> statement-breakpoint
CREATE TABLE "suppression_lifts" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" "identifier_kind" NOT NULL,
	"hmac" text NOT NULL,
	"was_all_channels" boolean NOT NULL,
	"was_channels" "channel"[] DEFAULT '{}' NOT NULL,
	"lifted" "channel"[] NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"evidence_ref" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suppression_lifts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "suppressions" ADD COLUMN "at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "birth_name" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "birth_date" date;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "identity_hmac" text;--> statement-breakpoint
ALTER TABLE "suppression_lifts" ADD CONSTRAINT "suppression_lifts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suppression_lifts_org_id_kind_hmac_index" ON "suppression_lifts" USING btree ("org_id","kind","hmac");--> statement-breakpoint
CREATE INDEX "contacts_org_id_identity_hmac_index" ON "contacts" USING btree ("org_id","identity_hmac");--> statement-breakpoint
-- A record written before scopes had dates dates from when it was written.
UPDATE "suppressions" SET "at" = "created_at";--> statement-breakpoint
-- Row-level security for the new tenant table, as 0001 does for the others.
ALTER TABLE "suppression_lifts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "suppression_lifts"
  USING (org_id = nullif(current_setting('isoloir.org_id', true), '')::uuid)
  WITH CHECK (org_id = nullif(current_setting('isoloir.org_id', true), '')::uuid);
