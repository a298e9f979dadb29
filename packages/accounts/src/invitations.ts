import { type Db, membershipInvitations, memberships, organisations, users } from "@isoloir/db";
import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { AccountError } from "./errors";
import { hashPassword, oneTimePassword } from "./passwords";
import { NewMember } from "./users";

/** How long an invitation waits for its invitee. */
export const invitationLifetimeDays = 7;
const DAY = 86_400_000;

/**
 * What the inviter learns: the same fields, of the same kinds, whether or not an account existed for the
 * email. `oneTimePassword` is always a fresh one; it is the new account's password when the email had
 * no account, and opens nothing otherwise (the existing account keeps its own password and name).
 */
export interface Invitation {
  invitationId: string;
  email: string;
  role: NewMember["role"];
  expiresAt: Date;
  oneTimePassword: string;
}

/**
 * Invites an email to the organisation with a role. Nobody is attached: the invitee accepts in their own
 * signed-in session (`acceptInvitation`). For an email without an account, the account is created with
 * the returned one-time password (to be changed at first sign-in). The password is hashed either way, so
 * the answer takes as long, and reads the same, whether the account existed or not.
 */
export async function inviteMember(
  db: Db,
  orgId: string,
  invitedBy: string,
  input: z.input<typeof NewMember>,
  now: Date = new Date(),
): Promise<Invitation> {
  const member = NewMember.parse(input);
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, member.email));
    if (existing) {
      const [already] = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, existing.id)));
      // the inviter already sees their own organisation's members: this tells them nothing new
      if (already) throw new AccountError("conflict", `${member.email} is already a member`);
    } else {
      await tx.insert(users).values({
        email: member.email,
        name: member.name,
        passwordHash,
        mustChangePassword: true,
      });
    }
    const [row] = await tx
      .insert(membershipInvitations)
      .values({
        orgId,
        email: member.email,
        role: member.role,
        invitedBy,
        createdAt: now,
        expiresAt: new Date(now.getTime() + invitationLifetimeDays * DAY),
      })
      .returning();
    if (!row) throw new Error("insert invitation returned nothing");
    return {
      invitationId: row.id,
      email: row.email,
      role: row.role,
      expiresAt: row.expiresAt,
      oneTimePassword: password,
    };
  });
}

/** The pending (not accepted, not expired) invitations addressed to this user's email. */
export async function pendingInvitations(db: Db, userId: string, now: Date = new Date()) {
  return db
    .select({
      invitationId: membershipInvitations.id,
      orgId: organisations.id,
      orgName: organisations.name,
      role: membershipInvitations.role,
      invitedAt: membershipInvitations.createdAt,
      expiresAt: membershipInvitations.expiresAt,
    })
    .from(membershipInvitations)
    .innerJoin(users, eq(users.email, membershipInvitations.email))
    .innerJoin(organisations, eq(organisations.id, membershipInvitations.orgId))
    .where(
      and(
        eq(users.id, userId),
        isNull(membershipInvitations.acceptedAt),
        gt(membershipInvitations.expiresAt, now),
      ),
    )
    .orderBy(asc(membershipInvitations.createdAt));
}

/** An organisation's invitations, newest first: for its member managers. */
export async function listInvitations(db: Db, orgId: string) {
  return db
    .select({
      invitationId: membershipInvitations.id,
      email: membershipInvitations.email,
      role: membershipInvitations.role,
      invitedAt: membershipInvitations.createdAt,
      expiresAt: membershipInvitations.expiresAt,
      acceptedAt: membershipInvitations.acceptedAt,
    })
    .from(membershipInvitations)
    .where(eq(membershipInvitations.orgId, orgId))
    .orderBy(desc(membershipInvitations.createdAt));
}

export const AcceptInvitation = z.object({ invitationId: z.uuid() }).strict();

/**
 * The signed-in user accepts an invitation addressed to their own email: the membership is created, its
 * role granted by the inviter, now. Another user's invitation is "not found" (as is an unknown id); an
 * expired one is refused (`expired`), an accepted one too (`conflict`).
 */
export async function acceptInvitation(
  db: Db,
  userId: string,
  input: z.input<typeof AcceptInvitation>,
  now: Date = new Date(),
) {
  const { invitationId } = AcceptInvitation.parse(input);
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select({ invitation: membershipInvitations })
      .from(membershipInvitations)
      .innerJoin(users, eq(users.email, membershipInvitations.email))
      .where(and(eq(membershipInvitations.id, invitationId), eq(users.id, userId)))
      .for("update", { of: membershipInvitations });
    if (!invitation) throw new AccountError("not_found", "no such invitation for your account");
    const inv = invitation.invitation;
    if (inv.acceptedAt) throw new AccountError("conflict", "this invitation was already accepted");
    if (inv.expiresAt <= now)
      throw new AccountError("expired", "this invitation has expired: ask for a new one");
    const [membership] = await tx
      .insert(memberships)
      .values({
        orgId: inv.orgId,
        userId,
        role: inv.role,
        addedBy: inv.invitedBy,
        roleGrantedBy: inv.invitedBy,
        roleGrantedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!membership) throw new AccountError("conflict", "you are already a member of this organisation");
    await tx
      .update(membershipInvitations)
      .set({ acceptedAt: now, acceptedBy: userId })
      .where(and(eq(membershipInvitations.orgId, inv.orgId), eq(membershipInvitations.id, inv.id)));
    return { orgId: inv.orgId, role: inv.role, invitedBy: inv.invitedBy, invitationId: inv.id };
  });
}

/** Who holds which role in the organisation, who granted it and when (null: before this was recorded). */
export async function roleGrants(db: Db, orgId: string) {
  const granter = sql<string | null>`(select u.name from users u where u.id = ${memberships.roleGrantedBy})`;
  return db
    .select({
      userId: memberships.userId,
      name: users.name,
      role: memberships.role,
      addedBy: memberships.addedBy,
      grantedBy: memberships.roleGrantedBy,
      grantedByName: granter,
      grantedAt: memberships.roleGrantedAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(desc(memberships.roleGrantedAt));
}
