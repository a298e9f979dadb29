import { contacts, type DbHandle, provenance, suppressions } from "@isoloir/db";
import { insertTestOrg, testDatabases, testKeys } from "@isoloir/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admitPerson } from "./admit";
import { InvalidIdentityError, SuppressedPersonError } from "./errors";
import { recordObjection } from "./objections";
import { getContactDetail, listContacts } from "./queries";

const form = {
  source: "direct_form" as const,
  collectorKind: "form" as const,
  collectorRef: "form:test",
  collectedAt: new Date("2026-10-01T10:00:00Z"),
  legalBasis: "consent" as const,
};

describe.each(testDatabases())("admitPerson on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  async function ctx() {
    const org = await insertTestOrg(handle.db);
    return { orgId: org.id, hmacKey: testKeys.hmacKey };
  }

  it("creates a contact with its provenance and consents", async () => {
    const c = await ctx();
    const result = await admitPerson(
      handle.db,
      c,
      { firstName: "Marie", lastName: "Dupont", email: "Marie@Example.fr", phone: "0612345678" },
      form,
      [
        {
          scope: "political_email",
          mechanism: "unticked_checkbox",
          capturedAt: form.collectedAt,
          evidenceRef: "form:test",
        },
      ],
    );
    expect(result.created).toBe(true);
    const detail = await getContactDetail(handle.db, c.orgId, result.contactId);
    expect(detail.contact).toMatchObject({ email: "marie@example.fr", phone: "+33612345678" });
    expect(detail.provenance).toHaveLength(1);
    expect(detail.provenance[0]).toMatchObject({
      source: "direct_form",
      fields: expect.arrayContaining(["email"]),
    });
    expect(detail.consents).toHaveLength(1);
    expect(detail.contact).not.toHaveProperty("emailHmac");
  });

  it("merges a second origin without overwriting what the person gave", async () => {
    const c = await ctx();
    const first = await admitPerson(handle.db, c, { firstName: "Marie", email: "m@example.fr" }, form);
    const second = await admitPerson(
      handle.db,
      c,
      { firstName: "Mary", lastName: "Dupont", email: "M@example.fr" },
      { ...form, source: "event_signup" },
    );
    expect(second).toMatchObject({ contactId: first.contactId, created: false });
    const detail = await getContactDetail(handle.db, c.orgId, first.contactId);
    expect(detail.contact).toMatchObject({ firstName: "Marie", lastName: "Dupont" });
    expect(detail.provenance.map((p) => p.source).sort()).toEqual(["direct_form", "event_signup"]);
  });

  it("refuses a person who objected to everything, on any identifier", async () => {
    const c = await ctx();
    const { contactId } = await admitPerson(
      handle.db,
      c,
      { email: "stop@example.fr", phone: "0699999999" },
      form,
    );
    await recordObjection(handle.db, c.orgId, contactId, "all");
    await handle.db.delete(contacts).where(eq(contacts.id, contactId));
    await expect(admitPerson(handle.db, c, { email: " STOP@example.fr" }, form)).rejects.toBeInstanceOf(
      SuppressedPersonError,
    );
    await expect(admitPerson(handle.db, c, { phone: "+33 6 99 99 99 99" }, form)).rejects.toBeInstanceOf(
      SuppressedPersonError,
    );
    const stored = await handle.db.select().from(suppressions).where(eq(suppressions.orgId, c.orgId));
    expect(stored).toHaveLength(2);
    expect(JSON.stringify(stored)).not.toContain("stop@example.fr");
  });

  it("does not let one organisation's suppression block another", async () => {
    const a = await ctx();
    const b = await ctx();
    const { contactId } = await admitPerson(handle.db, a, { email: "x@example.fr" }, form);
    await recordObjection(handle.db, a.orgId, contactId, "all");
    await expect(admitPerson(handle.db, b, { email: "x@example.fr" }, form)).resolves.toMatchObject({
      created: true,
    });
  });

  it("names the field of an invalid identifier and writes nothing", async () => {
    const c = await ctx();
    await expect(admitPerson(handle.db, c, { email: "not-an-address" }, form)).rejects.toThrow(/^email:/);
    await expect(admitPerson(handle.db, c, { firstName: "Only" }, form)).rejects.toBeInstanceOf(
      InvalidIdentityError,
    );
    const rows = await handle.db.select().from(provenance).where(eq(provenance.orgId, c.orgId));
    expect(rows).toHaveLength(0);
  });

  it("lists, searches and filters by source within one organisation only", async () => {
    const a = await ctx();
    const b = await ctx();
    await admitPerson(
      handle.db,
      a,
      { firstName: "Jean", lastName: "Martin", email: "jean@example.fr" },
      form,
    );
    await admitPerson(
      handle.db,
      a,
      { firstName: "Paul", lastName: "Durand", email: "paul@example.fr" },
      {
        ...form,
        source: "petition",
      },
    );
    await admitPerson(
      handle.db,
      b,
      { firstName: "Jean", lastName: "Autre", email: "jean2@example.fr" },
      form,
    );
    expect((await listContacts(handle.db, a.orgId, {})).total).toBe(2);
    expect((await listContacts(handle.db, a.orgId, { search: "mart" })).items.map((i) => i.lastName)).toEqual(
      ["Martin"],
    );
    expect(
      (await listContacts(handle.db, a.orgId, { source: "petition" })).items.map((i) => i.lastName),
    ).toEqual(["Durand"]);
    expect((await listContacts(handle.db, a.orgId, { search: "%" })).total).toBe(0);
    expect((await listContacts(handle.db, a.orgId, { pageSize: 1, page: 2 })).items).toHaveLength(1);
  });

  it("does not find another organisation's contact by id", async () => {
    const a = await ctx();
    const b = await ctx();
    const { contactId } = await admitPerson(handle.db, a, { email: "own@example.fr" }, form);
    await expect(getContactDetail(handle.db, b.orgId, contactId)).rejects.toThrow("contact not found");
  });
});
