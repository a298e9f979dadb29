import { addMember } from "@isoloir/accounts";
import { contactAssignments, type DbHandle, type Role } from "@isoloir/db";
import { insertTestOrg, testDatabases, testKeys } from "@isoloir/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readableContactIds, requireReadableContact } from "./access";
import { admitPerson } from "./admit";
import { ContactNotFoundError } from "./errors";

const form = {
  source: "direct_form" as const,
  collectorKind: "form" as const,
  collectorRef: "form:test",
  collectedAt: new Date("2026-10-01T10:00:00Z"),
  legalBasis: "consent" as const,
};

describe.each(testDatabases())("who may read which contact, on $name", (target) => {
  let handle: DbHandle;
  let orgId: string;
  let assigned: string;
  let other: string;
  const users = {} as Record<"volunteer" | "staff" | "otherVolunteer", string>;

  beforeAll(async () => {
    handle = await target.open();
    const org = await insertTestOrg(handle.db);
    orgId = org.id;
    const member = async (name: string, role: Role) =>
      (await addMember(handle.db, orgId, { email: `${name}.${org.slug}@example.fr`, name, role })).userId;
    users.volunteer = await member("volunteer", "volunteer");
    users.otherVolunteer = await member("other", "volunteer");
    users.staff = await member("staff", "staff");
    const ctx = { orgId, hmacKey: testKeys.hmacKey };
    assigned = (
      await admitPerson(handle.db, ctx, { firstName: "A", email: `a.${org.slug}@example.fr` }, form)
    ).contactId;
    other = (await admitPerson(handle.db, ctx, { firstName: "B", email: `b.${org.slug}@example.fr` }, form))
      .contactId;
    await handle.db
      .insert(contactAssignments)
      .values({ orgId, userId: users.volunteer, contactId: assigned });
  });
  afterAll(async () => handle?.close());

  it("a role that reads all contacts is not narrowed", async () => {
    expect(
      await readableContactIds(handle.db, { orgId, userId: users.staff, role: "staff" }),
    ).toBeUndefined();
    await requireReadableContact(handle.db, { orgId, userId: users.staff, role: "staff", contactId: other });
  });

  it("a volunteer reads the contacts on their lists and nothing else", async () => {
    const volunteer = { orgId, userId: users.volunteer, role: "volunteer" as const };
    expect(await readableContactIds(handle.db, volunteer)).toEqual([assigned]);
    await requireReadableContact(handle.db, { ...volunteer, contactId: assigned });
    await expect(
      requireReadableContact(handle.db, { ...volunteer, contactId: other }),
    ).rejects.toBeInstanceOf(ContactNotFoundError);
  });

  it("a volunteer without lists reads nobody, and another organisation's assignments do not count", async () => {
    const unassigned = { orgId, userId: users.otherVolunteer, role: "volunteer" as const };
    expect(await readableContactIds(handle.db, unassigned)).toEqual([]);
    await expect(
      requireReadableContact(handle.db, { ...unassigned, contactId: assigned }),
    ).rejects.toBeInstanceOf(ContactNotFoundError);
    const elsewhere = await insertTestOrg(handle.db);
    expect(
      await readableContactIds(handle.db, {
        orgId: elsewhere.id,
        userId: users.volunteer,
        role: "volunteer",
      }),
    ).toEqual([]);
  });
});
