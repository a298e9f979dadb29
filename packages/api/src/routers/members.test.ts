import { addMember } from "@isoloir/accounts";
import { pseudonym } from "@isoloir/audit";
import { auditLog, type DbHandle, memberships } from "@isoloir/db";
import { testDatabases, testKeys } from "@isoloir/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousCaller, callerFor, orgWithTeam } from "../testing";

type Fixture = Awaited<ReturnType<typeof orgWithTeam>>;

describe.each(testDatabases())("members and invitations through the API on $name", (target) => {
  let handle: DbHandle;
  let home: Fixture;
  let foreign: Fixture;
  beforeAll(async () => {
    handle = await target.open();
    [home, foreign] = [await orgWithTeam(handle.db), await orgWithTeam(handle.db)];
  });
  afterAll(async () => handle?.close());

  const as = (userId: string) => callerFor(handle.db, handle.driver, userId);
  const audit = (orgId: string, action: string) =>
    handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, action)));
  const user = (f: Fixture, userId: string) => pseudonym(testKeys.hmacKey, f.org.id, "user", userId);

  it("answers an admin the same for another campaign's staff email as for a new one, and attaches nobody", async () => {
    const admin = await as(home.members.admin);
    const foreignStaffEmail = `staff.${foreign.org.slug}@example.fr`;
    const forExisting = await admin.members.add({ email: foreignStaffEmail, name: "Probe", role: "staff" });
    const forNew = await admin.members.add({
      email: `new.${home.org.slug}@example.fr`,
      name: "Probe",
      role: "staff",
    });
    expect(Object.keys(forExisting).sort()).toEqual(Object.keys(forNew).sort());
    for (const key of Object.keys(forNew) as (keyof typeof forNew)[]) {
      expect(typeof forExisting[key], key).toBe(typeof forNew[key]);
    }
    expect(forExisting.oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(forExisting.role).toBe(forNew.role);
    const answer = JSON.stringify(forExisting);
    expect(answer).not.toContain(foreign.members.staff);
    expect(answer).not.toContain(`staff ${foreign.org.slug}`);
    expect((await admin.members.list()).map((m) => m.email)).not.toContain(foreignStaffEmail);

    // the invitee sees it in their own session, accepts it, and their grant is audited
    const invitee = await as(foreign.members.staff);
    const mine = await invitee.members.myInvitations();
    expect(mine).toEqual([
      expect.objectContaining({
        invitationId: forExisting.invitationId,
        orgName: home.org.name,
        role: "staff",
      }),
    ]);
    // nobody else can accept it
    await expect(
      (await as(home.members.owner)).members.acceptInvitation({ invitationId: forExisting.invitationId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await invitee.members.acceptInvitation({ invitationId: forExisting.invitationId });
    await expect(
      invitee.members.acceptInvitation({ invitationId: forExisting.invitationId }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await admin.members.list()).map((m) => m.email)).toContain(foreignStaffEmail);
    const grants = await audit(home.org.id, "member.role_granted");
    expect(grants.at(-1)?.details).toEqual({
      granter: user(home, home.members.admin),
      grantee: user(home, foreign.members.staff),
      role: "staff",
      via: "invitation",
    });
    await expect(anonymousCaller(handle.db, handle.driver).members.myInvitations()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("audits every role change as a grant and shows the grants to owners and compliance only", async () => {
    const owner = await as(home.members.owner);
    const before = new Date();
    await owner.members.changeRole({ userId: home.members.staff, role: "compliance" });
    const [row] = await handle.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, home.org.id), eq(memberships.userId, home.members.staff)));
    expect(row?.roleGrantedBy).toBe(home.members.owner);
    expect(row?.roleGrantedAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    const grants = await audit(home.org.id, "member.role_granted");
    expect(grants.at(-1)?.details).toEqual({
      granter: user(home, home.members.owner),
      grantee: user(home, home.members.staff),
      role: "compliance",
      via: "role_change",
    });
    expect(JSON.stringify(grants.map((g) => g.details))).not.toContain("@example.fr");

    const list = await (await as(home.members.compliance)).members.roleGrants();
    expect(list.find((g) => g.name === `staff ${home.org.slug}`)).toMatchObject({
      role: "compliance",
      grantedBy: `owner ${home.org.slug}`,
    });
    await expect((await as(home.members.admin)).members.roleGrants()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await owner.members.changeRole({ userId: home.members.staff, role: "staff" });
  });

  it("says in the approval view, and in the refusal, why a fresh compliance grant may not approve", async () => {
    const admin = await as(home.members.admin);
    const fresh = await addMember(
      handle.db,
      home.org.id,
      { email: `fresh.${home.org.slug}@example.fr`, name: "Fresh", role: "compliance" },
      { grantedBy: home.members.owner, grantedAt: new Date(Date.now() - 3_600_000) },
    );
    const plan = await admin.purge.create({ reasons: ["forbidden_source"] });
    const caller = await as(fresh.userId);
    const view = await caller.purge.get({ planId: plan.id });
    expect(view.approval).toMatchObject({ mayApprove: false, blocked: "recent_grant", coolingOffHours: 24 });
    expect(view.approval.approvers.map((a) => a.name)).toContain(`compliance ${home.org.slug}`);
    await expect(caller.purge.approve({ planId: plan.id, planHash: plan.planHash })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("24 h"),
    });
  });
});
