import {
  AcceptInvitation,
  acceptInvitation,
  changeRole,
  inviteMember,
  listInvitations,
  listMembers,
  NewMember,
  pendingInvitations,
  removeMember,
  roleGrants,
  switchOrganisation,
} from "@isoloir/accounts";
import { appendAudit, pseudonym } from "@isoloir/audit";
import { type Db, roles } from "@isoloir/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { authedProcedure, capable, router } from "../trpc";

const MemberRef = z.object({ userId: z.uuid() }).strict();

/** `member.role_granted`: granter and grantee as the audit log's pseudonyms, the role, and how. */
async function auditGrant(
  db: Db,
  hmacKey: string,
  grant: { orgId: string; actor: string; grantedBy: string; grantee: string; role: string; via: string },
) {
  const as = (userId: string) => pseudonym(hmacKey, grant.orgId, "user", userId);
  await appendAudit(db, {
    orgId: grant.orgId,
    action: "member.role_granted",
    actor: grant.actor,
    target: as(grant.grantee),
    details: { granter: as(grant.grantedBy), grantee: as(grant.grantee), role: grant.role, via: grant.via },
  });
}

export const membersRouter = router({
  list: capable("manageMembers").query(({ ctx }) => listMembers(ctx.db, ctx.org.id)),

  /**
   * Invites an email. The answer is the same whether or not the email has an account: an invitation id,
   * its expiry and a one-time password that is the password of the account created for a new email (and
   * opens nothing otherwise). Nobody joins until the invitee accepts in their own session.
   */
  add: capable("manageMembers")
    .input(NewMember)
    .mutation(async ({ ctx, input }) => {
      if (input.role === "owner" && ctx.member.role !== "owner") {
        throw new TRPCError({ code: "FORBIDDEN", message: "only an owner may add another owner" });
      }
      const invitation = await inviteMember(ctx.db, ctx.org.id, ctx.user.id, input);
      await appendAudit(ctx.db, {
        orgId: ctx.org.id,
        action: "member.invited",
        actor: ctx.member.actor,
        target: `invitation:${invitation.invitationId}`,
        details: { role: invitation.role, expiresAt: invitation.expiresAt.toISOString() },
      });
      return {
        invitationId: invitation.invitationId,
        email: invitation.email,
        role: invitation.role,
        expiresAt: invitation.expiresAt.toISOString(),
        oneTimePassword: invitation.oneTimePassword,
      };
    }),

  /** The organisation's invitations, pending and accepted. */
  invitations: capable("manageMembers").query(async ({ ctx }) =>
    (await listInvitations(ctx.db, ctx.org.id)).map((i) => ({
      invitationId: i.invitationId,
      email: i.email,
      role: i.role,
      invitedAt: i.invitedAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
      acceptedAt: i.acceptedAt?.toISOString() ?? null,
    })),
  ),

  /** Who granted which role to whom, and when: for owners and compliance members. */
  roleGrants: capable("readRoleGrants").query(async ({ ctx }) =>
    (await roleGrants(ctx.db, ctx.org.id)).map((g) => ({
      name: g.name,
      role: g.role,
      grantedBy: g.grantedByName,
      grantedAt: g.grantedAt.toISOString(),
    })),
  ),

  /** The signed-in user's own pending invitations (any organisation). */
  myInvitations: authedProcedure.query(async ({ ctx }) =>
    (await pendingInvitations(ctx.db, ctx.user.id)).map((i) => ({
      invitationId: i.invitationId,
      orgName: i.orgName,
      role: i.role,
      expiresAt: i.expiresAt.toISOString(),
    })),
  ),

  /** The signed-in user accepts an invitation to their own email; the session moves to that organisation if it has none. */
  acceptInvitation: authedProcedure.input(AcceptInvitation).mutation(async ({ ctx, input }) => {
    // the membership and its audit entries commit together
    const accepted = await ctx.db.transaction(async (tx) => {
      const accepted = await acceptInvitation(tx, ctx.user.id, input);
      const actor = pseudonym(ctx.keys.hmacKey, accepted.orgId, "user", ctx.user.id);
      await appendAudit(tx, {
        orgId: accepted.orgId,
        action: "member.invitation_accepted",
        actor,
        target: `invitation:${accepted.invitationId}`,
        details: { role: accepted.role },
      });
      await auditGrant(tx, ctx.keys.hmacKey, {
        orgId: accepted.orgId,
        actor,
        grantedBy: accepted.invitedBy,
        grantee: ctx.user.id,
        role: accepted.role,
        via: "invitation",
      });
      return accepted;
    });
    if (!ctx.session.session.orgId) await switchOrganisation(ctx.db, ctx.token, ctx.user.id, accepted.orgId);
    return { orgId: accepted.orgId, role: accepted.role };
  }),

  changeRole: capable("manageMembers")
    .input(MemberRef.extend({ role: z.enum(roles) }))
    .mutation(async ({ ctx, input }) => {
      if (input.role === "owner" && ctx.member.role !== "owner") {
        throw new TRPCError({ code: "FORBIDDEN", message: "only an owner may make someone an owner" });
      }
      const current = (await listMembers(ctx.db, ctx.org.id)).find((m) => m.userId === input.userId);
      if (current?.role === "owner" && ctx.member.role !== "owner") {
        throw new TRPCError({ code: "FORBIDDEN", message: "only an owner may change an owner's role" });
      }
      const { changed, ...row } = await changeRole(ctx.db, ctx.org.id, input.userId, input.role, ctx.user.id);
      if (changed) {
        await appendAudit(ctx.db, {
          orgId: ctx.org.id,
          action: "member.role_changed",
          actor: ctx.member.actor,
          target: pseudonym(ctx.keys.hmacKey, ctx.org.id, "user", input.userId),
          details: { role: input.role },
        });
        await auditGrant(ctx.db, ctx.keys.hmacKey, {
          orgId: ctx.org.id,
          actor: ctx.member.actor,
          grantedBy: ctx.user.id,
          grantee: input.userId,
          role: input.role,
          via: "role_change",
        });
      }
      return row;
    }),

  remove: capable("manageMembers")
    .input(MemberRef)
    .mutation(async ({ ctx, input }) => {
      const current = (await listMembers(ctx.db, ctx.org.id)).find((m) => m.userId === input.userId);
      if (current?.role === "owner" && ctx.member.role !== "owner") {
        throw new TRPCError({ code: "FORBIDDEN", message: "only an owner may remove an owner" });
      }
      await removeMember(ctx.db, ctx.org.id, input.userId);
      await appendAudit(ctx.db, {
        orgId: ctx.org.id,
        action: "member.removed",
        actor: ctx.member.actor,
        target: pseudonym(ctx.keys.hmacKey, ctx.org.id, "user", input.userId),
      });
      return { ok: true as const };
    }),
});
