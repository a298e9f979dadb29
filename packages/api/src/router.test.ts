import { contactAssignments, type DbHandle, type Role } from "@isoloir/db";
import { testDatabases } from "@isoloir/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousCaller, callerFor, orgWithTeam } from "./testing";

/** The team of `orgWithTeam`. Who may call which procedure is `roles.test.ts`'s, for every procedure. */
type Fixture = Awaited<ReturnType<typeof orgWithTeam>>;

const fixture = (handle: DbHandle): Promise<Fixture> => orgWithTeam(handle.db);

describe.each(testDatabases())("api router on $name", (target) => {
  let handle: DbHandle;
  let home: Fixture;
  let foreign: Fixture;
  beforeAll(async () => {
    handle = await target.open();
    home = await fixture(handle);
    foreign = await fixture(handle);
  });
  afterAll(async () => handle?.close());

  const as = (role: Role, f: Fixture = home) => callerFor(handle.db, handle.driver, f.members[role]);

  it("sends a signed-out caller to sign in", async () => {
    await expect(anonymousCaller(handle.db, handle.driver).contacts.list({})).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(await anonymousCaller(handle.db, handle.driver).auth.me()).toBeNull();
  });

  it("answers NOT_FOUND for another organisation's contact id", async () => {
    const staff = await as("staff");
    await expect(staff.contacts.get({ id: foreign.contactIds[0] ?? "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const own = await staff.contacts.get({ id: home.contactIds[0] ?? "" });
    expect(own.contact.firstName).toBe("Alice");
  });

  it("never lists another organisation's contacts or members", async () => {
    const owner = await as("owner");
    const listed = await owner.contacts.list({ pageSize: 200 });
    expect(listed.items.map((i) => i.id).sort()).toEqual([...home.contactIds].sort());
    const members = await owner.members.list();
    expect(members.every((m) => m.email.endsWith(`${home.org.slug}@example.fr`))).toBe(true);
  });

  it("cannot change the role of a member of another organisation", async () => {
    const owner = await as("owner");
    await expect(
      owner.members.changeRole({ userId: foreign.members.staff, role: "admin" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows a volunteer only the contacts on their assigned lists", async () => {
    const volunteer = await as("volunteer");
    expect((await volunteer.contacts.list({})).total).toBe(0);
    await handle.db
      .insert(contactAssignments)
      .values({ orgId: home.org.id, userId: home.members.volunteer, contactId: home.contactIds[1] ?? "" });
    const listed = await volunteer.contacts.list({});
    expect(listed.items.map((i) => i.firstName)).toEqual(["Bruno"]);
    await expect(volunteer.contacts.get({ id: home.contactIds[0] ?? "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses a mutation without the session's CSRF token", async () => {
    const noToken = await callerFor(handle.db, handle.driver, home.members.owner, { csrf: null });
    await expect(noToken.organisation.setFourEyes({ enabled: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const wrong = await callerFor(handle.db, handle.driver, home.members.owner, { csrf: "forged" });
    await expect(wrong.organisation.setFourEyes({ enabled: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("lets only an owner turn four-eyes off, and audits it", async () => {
    await expect((await as("admin")).organisation.setFourEyes({ enabled: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const owner = await as("owner");
    await owner.organisation.setFourEyes({ enabled: false });
    const log = await owner.audit.list({});
    expect(log.items.some((e) => e.action === "four_eyes.off")).toBe(true);
    expect((await owner.audit.verify()).firstBroken).toBeUndefined();
    await owner.organisation.setFourEyes({ enabled: true });
  });

  it("validates input and names the field", async () => {
    const owner = await as("owner");
    await expect(owner.contacts.list({ pageSize: 10_000 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(owner.contacts.get({ id: "not-a-uuid" })).rejects.toThrow(/id/);
  });

  it("keeps the audit log free of emails", async () => {
    const owner = await as("owner");
    const added = await owner.members.add({
      email: `audit.${home.org.slug}@example.fr`,
      name: "Audit",
      role: "staff",
    });
    expect(added.oneTimePassword).toBeTruthy();
    const log = await owner.audit.list({ pageSize: 200 });
    expect(JSON.stringify(log.items)).not.toContain("@example.fr");
  });
});
