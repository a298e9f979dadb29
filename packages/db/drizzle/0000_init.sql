CREATE TYPE "public"."channel" AS ENUM('email', 'sms', 'automated_call', 'live_call', 'postal_addressed', 'door_to_door', 'social_dm', 'online_ad_targeting');--> statement-breakpoint
CREATE TYPE "public"."collector_kind" AS ENUM('user', 'form', 'import', 'provider', 'seed');--> statement-breakpoint
CREATE TYPE "public"."consent_mechanism" AS ENUM('unticked_checkbox', 'double_opt_in', 'verbal_recorded', 'parental_joint', 'pre_ticked', 'none');--> statement-breakpoint
CREATE TYPE "public"."consent_scope" AS ENUM('political_email', 'political_sms', 'political_automated_call', 'political_live_call', 'share_with_named_third_party', 'social_enrichment', 'reuse_other_elections', 'political_ad_targeting', 'political_opinion_recording');--> statement-breakpoint
CREATE TYPE "public"."hosting_region" AS ENUM('EEA', 'UK', 'US', 'other');--> statement-breakpoint
CREATE TYPE "public"."identifier_kind" AS ENUM('email', 'phone');--> statement-breakpoint
CREATE TYPE "public"."legal_basis" AS ENUM('consent', 'legitimate_interest', 'membership_art9_2d', 'legal_obligation', 'public_task', 'contract');--> statement-breakpoint
CREATE TYPE "public"."org_kind" AS ENUM('party', 'candidate', 'elected_official', 'campaign_association', 'association', 'company', 'eu_institution');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('owner', 'admin', 'compliance', 'staff', 'volunteer');--> statement-breakpoint
CREATE TYPE "public"."source_kind" AS ENUM('direct_form', 'newsletter_signup', 'event_signup', 'door_to_door', 'membership', 'donation', 'petition', 'candidacy_sponsorship', 'primary_participation', 'referral_tell_a_friend', 'electoral_list_L37', 'emargement_list_L68', 'consular_list_L330_4', 'melderegister_BMG50', 'uk_full_electoral_register', 'social_follow_or_friend', 'social_interaction', 'social_enrichment_lookup', 'public_web_or_directory_scrape', 'rented_or_bought_commercial_file', 'data_broker', 'association_or_union_member_file', 'employer_hr_or_payroll_file', 'own_business_customer_file', 'public_sector_file', 'data_obtained_via_public_mandate', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."suppression_reason" AS ENUM('objection', 'erasure');--> statement-breakpoint
CREATE TYPE "public"."transfer_mechanism" AS ENUM('none_needed_EEA', 'adequacy', 'EU_US_DPF', 'SCC_with_TIA', 'BCR', 'none');--> statement-breakpoint
CREATE TABLE "contact_assignments" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_assignments_org_id_user_id_contact_id_pk" PRIMARY KEY("org_id","user_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "audit_heads" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"org_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"actor" text NOT NULL,
	"target" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_org_id_seq_pk" PRIMARY KEY("org_id","seq")
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"scope" "consent_scope" NOT NULL,
	"mechanism" "consent_mechanism" NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"evidence_ref" text,
	"notice_id" uuid,
	"bundled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consents_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version" text NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"text" text NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notices_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "notices_orgId_version_language_unique" UNIQUE("org_id","version","language")
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"all_channels" boolean NOT NULL,
	"channels" "channel"[] DEFAULT '{}' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "objections_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "suppressions" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" "identifier_kind" NOT NULL,
	"hmac" text NOT NULL,
	"all_channels" boolean DEFAULT true NOT NULL,
	"channels" "channel"[] DEFAULT '{}' NOT NULL,
	"reason" "suppression_reason" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suppressions_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "suppressions_orgId_kind_hmac_unique" UNIQUE("org_id","kind","hmac")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"email" text,
	"phone" text,
	"address_line" text,
	"postal_code" text,
	"city" text,
	"country" char(2),
	"birth_year" integer,
	"email_hmac" text,
	"phone_hmac" text,
	"messages_sent" integer DEFAULT 0 NOT NULL,
	"consent_requests_sent" integer DEFAULT 0 NOT NULL,
	"last_message_at" timestamp with time zone,
	"last_positive_interaction_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "provenance" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"fields" text[] NOT NULL,
	"data_categories" text[] DEFAULT '{"identity","contact"}' NOT NULL,
	"source" "source_kind" NOT NULL,
	"collector_kind" "collector_kind" NOT NULL,
	"collector_ref" text NOT NULL,
	"election_id" uuid,
	"collected_at" timestamp with time zone NOT NULL,
	"legal_basis" "legal_basis" NOT NULL,
	"vendor_political_reuse_disclosed" boolean,
	"vendor_opt_out_offered" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provenance_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "elections" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"jurisdiction" text NOT NULL,
	"rounds" date[] NOT NULL,
	"results_proclaimed_at" date,
	"litigation_window_days" integer DEFAULT 10 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elections_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_org_id_user_id_pk" PRIMARY KEY("org_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" "org_kind" NOT NULL,
	"country" char(2) NOT NULL,
	"controller_name" text NOT NULL,
	"controller_address" text DEFAULT '' NOT NULL,
	"controller_email" text NOT NULL,
	"dpo_name" text,
	"dpo_email" text,
	"four_eyes_purge_approval" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"platform_operator" boolean DEFAULT false NOT NULL,
	"locale" text DEFAULT 'fr' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "country_settings" (
	"org_id" uuid NOT NULL,
	"country" char(2) NOT NULL,
	"enrichment_enabled" boolean DEFAULT false NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone,
	"justification" text,
	CONSTRAINT "country_settings_org_id_country_pk" PRIMARY KEY("org_id","country")
);
--> statement-breakpoint
CREATE TABLE "processors" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"hosting_region" "hosting_region" NOT NULL,
	"transfer_mechanism" "transfer_mechanism" NOT NULL,
	"authorised" boolean DEFAULT false NOT NULL,
	"art28_contract_signed" boolean DEFAULT false NOT NULL,
	"parent_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processors_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "contact_assignments" ADD CONSTRAINT "contact_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_assignments" ADD CONSTRAINT "contact_assignments_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_heads" ADD CONSTRAINT "audit_heads_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_org_id_notice_id_notices_org_id_id_fk" FOREIGN KEY ("org_id","notice_id") REFERENCES "public"."notices"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppressions" ADD CONSTRAINT "suppressions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provenance" ADD CONSTRAINT "provenance_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provenance" ADD CONSTRAINT "provenance_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provenance" ADD CONSTRAINT "provenance_org_id_election_id_elections_org_id_id_fk" FOREIGN KEY ("org_id","election_id") REFERENCES "public"."elections"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elections" ADD CONSTRAINT "elections_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "country_settings" ADD CONSTRAINT "country_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processors" ADD CONSTRAINT "processors_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "processors" ADD CONSTRAINT "processors_org_id_parent_id_processors_org_id_id_fk" FOREIGN KEY ("org_id","parent_id") REFERENCES "public"."processors"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_assignments_org_id_contact_id_index" ON "contact_assignments" USING btree ("org_id","contact_id");--> statement-breakpoint
CREATE INDEX "contact_assignments_user_id_index" ON "contact_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "consents_org_id_contact_id_scope_index" ON "consents" USING btree ("org_id","contact_id","scope");--> statement-breakpoint
CREATE INDEX "consents_org_id_notice_id_index" ON "consents" USING btree ("org_id","notice_id");--> statement-breakpoint
CREATE INDEX "objections_org_id_contact_id_index" ON "objections" USING btree ("org_id","contact_id");--> statement-breakpoint
CREATE INDEX "contacts_org_id_email_hmac_index" ON "contacts" USING btree ("org_id","email_hmac");--> statement-breakpoint
CREATE INDEX "contacts_org_id_phone_hmac_index" ON "contacts" USING btree ("org_id","phone_hmac");--> statement-breakpoint
CREATE INDEX "contacts_org_id_last_name_first_name_index" ON "contacts" USING btree ("org_id","last_name","first_name");--> statement-breakpoint
CREATE INDEX "contacts_org_id_email_index" ON "contacts" USING btree ("org_id","email");--> statement-breakpoint
CREATE INDEX "provenance_org_id_contact_id_index" ON "provenance" USING btree ("org_id","contact_id");--> statement-breakpoint
CREATE INDEX "provenance_org_id_election_id_index" ON "provenance" USING btree ("org_id","election_id");--> statement-breakpoint
CREATE INDEX "provenance_org_id_source_index" ON "provenance" USING btree ("org_id","source");--> statement-breakpoint
CREATE INDEX "elections_org_id_type_index" ON "elections" USING btree ("org_id","type");--> statement-breakpoint
CREATE INDEX "memberships_user_id_index" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_id_index" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_org_id_index" ON "sessions" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "processors_org_id_parent_id_index" ON "processors" USING btree ("org_id","parent_id");