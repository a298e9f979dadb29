CREATE TYPE "public"."provider" AS ENUM('facebook', 'linkedin', 'twitter', 'meetup');--> statement-breakpoint
CREATE TABLE "country_setting_changes" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"country" char(2) NOT NULL,
	"enrichment_enabled" boolean NOT NULL,
	"changed_by" uuid NOT NULL,
	"justification" text NOT NULL,
	"cnil2016_acknowledged" boolean DEFAULT false NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "country_setting_changes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "enrichments" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"provider" "provider" NOT NULL,
	"job_id" text,
	"fetched_at" timestamp with time zone NOT NULL,
	"handle" text,
	"profile_url" text,
	"photo_url" text,
	"location" text,
	"bio" text,
	"followers" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enrichments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "provider_allow_list" (
	"org_id" uuid NOT NULL,
	"provider" "provider" NOT NULL,
	"allowed" boolean DEFAULT false NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone,
	CONSTRAINT "provider_allow_list_org_id_provider_pk" PRIMARY KEY("org_id","provider")
);
--> statement-breakpoint
ALTER TABLE "country_setting_changes" ADD CONSTRAINT "country_setting_changes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrichments" ADD CONSTRAINT "enrichments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrichments" ADD CONSTRAINT "enrichments_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrichments" ADD CONSTRAINT "enrichments_org_id_consent_id_consents_org_id_id_fk" FOREIGN KEY ("org_id","consent_id") REFERENCES "public"."consents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_allow_list" ADD CONSTRAINT "provider_allow_list_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "country_setting_changes_org_id_country_index" ON "country_setting_changes" USING btree ("org_id","country");--> statement-breakpoint
CREATE INDEX "enrichments_org_id_contact_id_provider_index" ON "enrichments" USING btree ("org_id","contact_id","provider");--> statement-breakpoint
CREATE INDEX "enrichments_org_id_consent_id_index" ON "enrichments" USING btree ("org_id","consent_id");