-- Membership and four eyes (issue #12, section 2).
--
-- * Each membership records who added the member (added_by), who granted its current role
--   (role_granted_by) and when (role_granted_at). Rows written before this migration keep
--   role_granted_at = created_at and no granter (null: unknown, before this was recorded).
-- * membership_invitations: adding an email makes a pending invitation the invitee accepts in their
--   own session; nobody is attached until then. An invitation expires, and is accepted once.
-- * organisations.four_eyes_cooling_off_hours: how long an approver must have held the compliance
--   role before a plan was created (default 24 h), set by an owner.
ALTER TABLE "memberships" ADD COLUMN "added_by" uuid;
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "role_granted_by" uuid;
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "role_granted_at" timestamp with time zone;
--> statement-breakpoint
UPDATE "memberships" SET "role_granted_at" = "created_at";
--> statement-breakpoint
ALTER TABLE "memberships" ALTER COLUMN "role_granted_at" SET DEFAULT now();
--> statement-breakpoint
ALTER TABLE "memberships" ALTER COLUMN "role_granted_at" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "four_eyes_cooling_off_hours" integer DEFAULT 24 NOT NULL;
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_cooling_off_range" CHECK ("organisations"."four_eyes_cooling_off_hours" between 0 and 720);
--> statement-breakpoint
CREATE TABLE "membership_invitations" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"role" "role" NOT NULL,
	"invited_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	CONSTRAINT "membership_invitations_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "membership_invitations" ADD CONSTRAINT "membership_invitations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "membership_invitations_email_index" ON "membership_invitations" USING btree ("email");
--> statement-breakpoint
ALTER TABLE "membership_invitations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "membership_invitations" USING (org_id = nullif(current_setting('isoloir.org_id', true), '')::uuid) WITH CHECK (org_id = nullif(current_setting('isoloir.org_id', true), '')::uuid);
