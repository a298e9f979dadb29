import { type DbHandle, memberships } from "@isoloir/db";
import { insertTestOrg, testDatabases } from "@isoloir/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptInvitation, inviteMember, pendingInvitations } from "./invitations";
import { signIn } from "./sessions";
import { addMember, changeRole, createUser, listMembers, membershipsOf, removeMember } from "./users";

const DAY = 86_400_000;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const otp = /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/;

describe.each(testDatabases())("invitations on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  const unique = () => `i${Math.random().toString(36).slice(2, 10)}@example.fr`;
  const team = async () => {
    const org = await insertTestOrg(handle.db);
    const admin = await addMember(handle.db, org.id, { email: unique(), name: "Admin", role: "admin" });
    return { org, admin: admin.userId };
  };
  const membership = async (orgId: string, userId: string) =>
    (
      await handle.db
        .select()
        .from(memberships)
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    )[0];

  it("answers the same, field by field, whether or not the email has an account, and attaches nobody", async () => {
    const { org, admin } = await team();
    // another campaign's staff member: an account the inviter must learn nothing about
    const elsewhere = await insertTestOrg(handle.db);
    const existingEmail = unique();
    const existing = await addMember(handle.db, elsewhere.id, {
      email: existingEmail,
      name: "Someone Else's Staff",
      role: "staff",
    });
    const now = new Date();
    const forExisting = await inviteMember(
      handle.db,
      org.id,
      admin,
      { email: existingEmail, name: "Guess", role: "compliance" },
      now,
    );
    const newEmail = unique();
    const forNew = await inviteMember(
      handle.db,
      org.id,
      admin,
      { email: newEmail, name: "Guess", role: "compliance" },
      now,
    );

    expect(Object.keys(forExisting).sort()).toEqual(Object.keys(forNew).sort());
    expect(Object.keys(forNew).sort()).toEqual([
      "email",
      "expiresAt",
      "invitationId",
      "oneTimePassword",
      "role",
    ]);
    for (const answer of [forExisting, forNew]) {
      expect(answer.invitationId).toMatch(uuid);
      expect(answer.oneTimePassword).toMatch(otp);
      expect(answer.role).toBe("compliance");
      expect(answer.expiresAt.getTime() - now.getTime()).toBe(7 * DAY);
    }
    expect(forExisting.email).toBe(existingEmail);
    expect(forNew.email).toBe(newEmail);
    expect(JSON.stringify(forExisting)).not.toContain(existing.userId);
    expect(JSON.stringify(forExisting)).not.toContain("Someone Else");

    // nobody joined: the organisation still has its admin only, the existing account its own organisation
    expect((await listMembers(handle.db, org.id)).map((m) => m.role)).toEqual(["admin"]);
    expect((await membershipsOf(handle.db, existing.userId)).map((m) => m.orgId)).toEqual([elsewhere.id]);
    // the password shown opens a new account only; the existing one keeps its own
    await expect(
      signIn(handle.db, { email: existingEmail, password: forExisting.oneTimePassword }),
    ).rejects.toMatchObject({ code: "invalid_credentials" });
    await expect(
      signIn(handle.db, { email: newEmail, password: forNew.oneTimePassword }),
    ).resolves.toBeTruthy();

    // the invitee sees it in their own session and accepts it; then they are a member
    const pending = await pendingInvitations(handle.db, existing.userId);
    expect(pending.map((p) => p.invitationId)).toEqual([forExisting.invitationId]);
    await acceptInvitation(handle.db, existing.userId, { invitationId: forExisting.invitationId }, now);
    expect(await membership(org.id, existing.userId)).toMatchObject({
      role: "compliance",
      addedBy: admin,
      roleGrantedBy: admin,
      roleGrantedAt: now,
    });
    expect(await pendingInvitations(handle.db, existing.userId)).toEqual([]);
  });

  it("lets only the invitee accept, once, before it expires", async () => {
    const { org, admin } = await team();
    const invitee = await createUser(handle.db, {
      email: unique(),
      name: "Invitee",
      password: "a long password",
    });
    const stranger = await createUser(handle.db, {
      email: unique(),
      name: "Stranger",
      password: "a long password",
    });
    // a member of another organisation, invited there, is still not this invitation's addressee
    const other = await team();
    const now = new Date();
    const invitation = await inviteMember(
      handle.db,
      org.id,
      admin,
      { email: invitee.email, name: "x", role: "staff" },
      now,
    );
    const ref = { invitationId: invitation.invitationId };
    await expect(acceptInvitation(handle.db, stranger.id, ref)).rejects.toMatchObject({ code: "not_found" });
    await expect(acceptInvitation(handle.db, other.admin, ref)).rejects.toMatchObject({ code: "not_found" });
    await expect(acceptInvitation(handle.db, admin, ref)).rejects.toMatchObject({ code: "not_found" });
    expect(await membership(org.id, stranger.id)).toBeUndefined();
    expect(await membership(org.id, other.admin)).toBeUndefined();

    await expect(
      acceptInvitation(handle.db, invitee.id, ref, new Date(now.getTime() + 7 * DAY + 1)),
    ).rejects.toMatchObject({ code: "expired" });
    expect(await membership(org.id, invitee.id)).toBeUndefined();

    await acceptInvitation(handle.db, invitee.id, ref, new Date(now.getTime() + DAY));
    expect(await membership(org.id, invitee.id)).toMatchObject({ role: "staff" });
    await expect(acceptInvitation(handle.db, invitee.id, ref)).rejects.toMatchObject({ code: "conflict" });
    // removed later, the member cannot come back through the invitation they already used
    await removeMember(handle.db, org.id, invitee.id);
    await expect(acceptInvitation(handle.db, invitee.id, ref)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("already accepted"),
    });
    expect(await membership(org.id, invitee.id)).toBeUndefined();
  });

  it("records who granted a role and when; a change resets both, the same role changes nothing", async () => {
    const { org, admin } = await team();
    const then = new Date(Date.now() - 10 * DAY);
    const member = await addMember(
      handle.db,
      org.id,
      { email: unique(), name: "M", role: "staff" },
      { grantedBy: admin, grantedAt: then },
    );
    expect(await membership(org.id, member.userId)).toMatchObject({
      roleGrantedBy: admin,
      roleGrantedAt: then,
    });
    const owner = await addMember(handle.db, org.id, { email: unique(), name: "O", role: "owner" });
    const now = new Date();
    const changed = await changeRole(handle.db, org.id, member.userId, "compliance", owner.userId, now);
    expect(changed).toMatchObject({ changed: true, role: "compliance", roleGrantedBy: owner.userId });
    expect(await membership(org.id, member.userId)).toMatchObject({
      role: "compliance",
      roleGrantedBy: owner.userId,
      roleGrantedAt: now,
    });
    const same = await changeRole(
      handle.db,
      org.id,
      member.userId,
      "compliance",
      admin,
      new Date(now.getTime() + DAY),
    );
    expect(same).toMatchObject({ changed: false, roleGrantedBy: owner.userId, roleGrantedAt: now });
  });
});
