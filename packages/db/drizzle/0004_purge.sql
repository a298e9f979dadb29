CREATE TABLE "erasure_records" (
	"org_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"digest" text NOT NULL,
	"reason" text NOT NULL,
	"batch" integer NOT NULL,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "erasure_records_org_id_plan_id_digest_pk" PRIMARY KEY("org_id","plan_id","digest")
);
--> statement-breakpoint
CREATE TABLE "purge_certificates" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"body" jsonb NOT NULL,
	"signature" text NOT NULL,
	"public_key" text NOT NULL,
	"key_fingerprint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purge_certificates_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "purge_plans" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"planned_by" uuid NOT NULL,
	"planned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reasons" text[] NOT NULL,
	"scope" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"granularity" text DEFAULT 'auto' NOT NULL,
	"policy_version" text NOT NULL,
	"plan_hash" text NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"samples" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "purge_plans_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "purge_runs" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"run_by" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"state" text DEFAULT 'running' NOT NULL,
	"last_ordinal" bigint DEFAULT 0 NOT NULL,
	"batches" integer DEFAULT 0 NOT NULL,
	"deleted" integer DEFAULT 0 NOT NULL,
	"already_gone" integer DEFAULT 0 NOT NULL,
	"stop_reason" text,
	CONSTRAINT "purge_runs_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "purge_targets" (
	"org_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"rule_id" text NOT NULL,
	"ordinal" bigint NOT NULL,
	CONSTRAINT "purge_targets_org_id_plan_id_kind_target_id_pk" PRIMARY KEY("org_id","plan_id","kind","target_id")
);
--> statement-breakpoint
ALTER TABLE "erasure_records" ADD CONSTRAINT "erasure_records_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purge_certificates" ADD CONSTRAINT "purge_certificates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purge_plans" ADD CONSTRAINT "purge_plans_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purge_runs" ADD CONSTRAINT "purge_runs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purge_targets" ADD CONSTRAINT "purge_targets_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "purge_certificates_org_id_plan_id_index" ON "purge_certificates" USING btree ("org_id","plan_id");--> statement-breakpoint
CREATE INDEX "purge_plans_org_id_state_index" ON "purge_plans" USING btree ("org_id","state");--> statement-breakpoint
CREATE INDEX "purge_runs_org_id_plan_id_index" ON "purge_runs" USING btree ("org_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "purge_runs_one_live_per_plan" ON "purge_runs" USING btree ("org_id","plan_id") WHERE state <> 'stopped';--> statement-breakpoint
CREATE INDEX "purge_targets_org_id_plan_id_ordinal_index" ON "purge_targets" USING btree ("org_id","plan_id","ordinal");--> statement-breakpoint
CREATE INDEX "purge_targets_org_id_contact_id_index" ON "purge_targets" USING btree ("org_id","contact_id");