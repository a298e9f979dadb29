import { auditLog, contacts, type DbHandle, objections, suppressionLifts, suppressions } from "@isoloir/db";
import { insertTestOrg, testDatabases, testKeys } from "@isoloir/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admitPerson } from "./admit";
import { SuppressedPersonError } from "./errors";
import { liftSuppression } from "./lift";
import { identifierHmac, identityKey } from "./normalise";
import { recordObjection } from "./objections";
import { getContactDetail } from "./queries";
import { suppress } from "./suppression";

const form = {
  source: "direct_form" as const,
  collectorKind: "form" as const,
  collectorRef: "form:test",
  collectedAt: new Date("2026-10-01T10:00:00Z"),
  legalBasis: "consent" as const,
};
const electoralList = {
  source: "electoral_list_L37" as const,
  collectorKind: "import" as const,
  collectorRef: "import:l37",
  collectedAt: new Date("2027-01-10T00:00:00Z"),
  legalBasis: "legitimate_interest" as const,
};
const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe.each(testDatabases())("suppression records on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  async function ctx() {
    const org = await insertTestOrg(handle.db);
    return { orgId: org.id, hmacKey: testKeys.hmacKey };
  }
  const recordsOf = async (orgId: string) =>
    (
      await handle.db
        .select({
          kind: suppressions.kind,
          all: suppressions.allChannels,
          channels: suppressions.channels,
          at: suppressions.at,
        })
        .from(suppressions)
        .where(eq(suppressions.orgId, orgId))
    ).sort((a, b) => a.kind.localeCompare(b.kind));
  const forget = (contactId: string) => handle.db.delete(contacts).where(eq(contacts.id, contactId));

  it("writes a record of the objection's scope and date for every identifier, at once", async () => {
    const c = await ctx();
    const { contactId } = await admitPerson(
      handle.db,
      c,
      {
        email: "e@example.fr",
        phone: "0612345678",
        birthName: "Dupont",
        firstName: "Marie Claire",
        birthDate: "1980-02-03",
      },
      form,
    );
    await recordObjection(handle.db, c.orgId, contactId, ["email"], day("2026-11-01"));
    expect(await recordsOf(c.orgId)).toEqual(
      ["email", "identity", "phone"].map((kind) => ({
        kind,
        all: false,
        channels: ["email"],
        at: day("2026-11-01"),
      })),
    );
    const [stored] = await handle.db.select().from(contacts).where(eq(contacts.id, contactId));
    expect(stored?.identityHmac).toBe(
      identifierHmac(c.hmacKey, c.orgId, identityKey("DUPONT", "MARIE CLAIRE", "1980-02-03") ?? ""),
    );
    expect(stored?.birthYear).toBe(1980);
  });

  it("merges records: channels united, the earliest date kept, all wins", async () => {
    const c = await ctx();
    const hmacs = { emailHmac: "h-email", phoneHmac: null };
    await suppress(handle.db, c.orgId, hmacs, "objection", ["sms"], day("2026-05-01"));
    await suppress(handle.db, c.orgId, hmacs, "objection", ["email"], day("2026-03-01"));
    await suppress(handle.db, c.orgId, hmacs, "objection", ["sms"], day("2026-09-01"));
    expect(await recordsOf(c.orgId)).toEqual([
      { kind: "email", all: false, channels: ["email", "sms"], at: day("2026-03-01") },
    ]);
    expect(await suppress(handle.db, c.orgId, hmacs, "objection", ["email"], day("2026-04-01"))).toBe(0);
    await suppress(handle.db, c.orgId, hmacs, "objection", "all", day("2026-08-01"));
    expect(await recordsOf(c.orgId)).toEqual([
      { kind: "email", all: true, channels: [], at: day("2026-03-01") },
    ]);
    // a narrower or later record never shrinks a wider one
    expect(
      await suppress(handle.db, c.orgId, hmacs, "objection", ["postal_addressed"], day("2026-01-01")),
    ).toBe(1);
    expect(await recordsOf(c.orgId)).toEqual([
      { kind: "email", all: true, channels: [], at: day("2026-01-01") },
    ]);
  });

  it("carries an email-only objection back onto the person when they return, and nothing onto others", async () => {
    const c = await ctx();
    const first = await admitPerson(handle.db, c, { email: "back@example.fr" }, form);
    await recordObjection(handle.db, c.orgId, first.contactId, ["email"], day("2026-10-05"));
    await forget(first.contactId);
    const again = await admitPerson(
      handle.db,
      c,
      { email: " Back@Example.fr", phone: "0611111111" },
      electoralList,
    );
    expect(again).toMatchObject({ created: true, objectionRestored: true });
    const detail = await getContactDetail(handle.db, c.orgId, again.contactId);
    expect(detail.objections).toMatchObject([
      { allChannels: false, channels: ["email"], at: day("2026-10-05"), suppressedBy: ["email"] },
    ]);
    const other = await admitPerson(handle.db, c, { email: "other@example.fr" }, electoralList);
    expect(other.objectionRestored).toBe(false);
    // admitted again from another source: the objection is already there, not written twice
    const third = await admitPerson(handle.db, c, { email: "back@example.fr" }, form);
    expect(third).toMatchObject({ contactId: again.contactId, objectionRestored: false });
    expect(await handle.db.$count(objections, eq(objections.contactId, again.contactId))).toBe(1);
  });

  it("recognises an objector known only by birth name, first names and birth date", async () => {
    const c = await ctx();
    const door = { birthName: "Le Gall", firstName: "Anne-Marie Josée", birthDate: "1961-07-14" };
    const first = await admitPerson(handle.db, c, door, electoralList);
    await recordObjection(
      handle.db,
      c.orgId,
      first.contactId,
      ["door_to_door", "postal_addressed"],
      day("2026-11-02"),
    );
    await forget(first.contactId);
    const again = await admitPerson(
      handle.db,
      c,
      { birthName: "LE-GALL", firstName: "anne marie josee", birthDate: "1961-07-14", lastName: "Martin" },
      electoralList,
    );
    expect(again.objectionRestored).toBe(true);
    const detail = await getContactDetail(handle.db, c.orgId, again.contactId);
    expect(detail.objections).toMatchObject([
      { channels: ["postal_addressed", "door_to_door"], at: day("2026-11-02"), suppressedBy: ["identity"] },
    ]);
    expect(detail.contact).not.toHaveProperty("identityHmac");
    // someone else of the same name born another day is not them
    const namesake = await admitPerson(handle.db, c, { ...door, birthDate: "1961-07-15" }, electoralList);
    expect(namesake.objectionRestored).toBe(false);
  });

  it("refuses an objector to everything on every identifier, saying nothing of the record", async () => {
    const c = await ctx();
    const person = { email: "all@example.fr", birthName: "Roux", firstName: "Paul", birthDate: "1950-01-01" };
    const first = await admitPerson(handle.db, c, person, form);
    await recordObjection(handle.db, c.orgId, first.contactId, "all", day("2026-10-01"));
    await forget(first.contactId);
    for (const who of [
      { email: "ALL@example.fr" },
      { birthName: "roux", firstName: "Paul", birthDate: "1950-01-01", postalCode: "69001" },
    ]) {
      const refusal = await admitPerson(handle.db, c, who, electoralList).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(SuppressedPersonError);
      expect((refusal as Error).message).toBe("this person is on the suppression list and may not be added");
    }
  });

  it("refuses a person whose merged contact carries an identifier suppressed for everything", async () => {
    const c = await ctx();
    const hmac = identifierHmac(c.hmacKey, c.orgId, identityKey("Bloch", "Léa", "1990-05-05") ?? "");
    await suppress(handle.db, c.orgId, { emailHmac: null, phoneHmac: null, identityHmac: hmac }, "erasure");
    await admitPerson(handle.db, c, { email: "lea@example.fr", firstName: "Léa" }, form);
    await expect(
      admitPerson(
        handle.db,
        c,
        { email: "lea@example.fr", birthName: "Bloch", birthDate: "1990-05-05" },
        form,
      ),
    ).rejects.toBeInstanceOf(SuppressedPersonError);
  });

  it("shows an objection as backed only when a record covers its scope and date", async () => {
    const c = await ctx();
    const { contactId } = await admitPerson(handle.db, c, { lastName: "Sans", postalCode: "69001" }, form);
    await recordObjection(handle.db, c.orgId, contactId, ["sms"], day("2026-10-01"));
    const detail = await getContactDetail(handle.db, c.orgId, contactId);
    expect(detail.objections).toMatchObject([{ channels: ["sms"], suppressedBy: [] }]);
  });

  it("lifts channels off a record on the person's evidence, keeping the history, audited", async () => {
    const c = await ctx();
    const { contactId } = await admitPerson(handle.db, c, { email: "lift@example.fr" }, form);
    const emailHmac = identifierHmac(c.hmacKey, c.orgId, "lift@example.fr");
    await recordObjection(handle.db, c.orgId, contactId, "all", day("2026-10-01"));
    const evidence = { evidenceRef: "optin:confirmed-1", actor: "system:isoloir", at: day("2026-12-01") };
    await expect(
      liftSuppression(handle.db, c.orgId, { emailHmac, phoneHmac: null }, ["email"], evidence),
    ).resolves.toEqual({ lifted: 1 });
    const [record] = await recordsOf(c.orgId);
    expect(record?.all).toBe(false);
    expect(record?.channels).not.toContain("email");
    expect(record?.channels).toContain("sms");
    // a scoped record now: the person may come back, with the rest of the objection
    await forget(contactId);
    await expect(admitPerson(handle.db, c, { email: "lift@example.fr" }, form)).resolves.toMatchObject({
      objectionRestored: true,
    });
    await liftSuppression(handle.db, c.orgId, { emailHmac, phoneHmac: null }, ["email"], evidence);
    const lifts = await handle.db
      .select()
      .from(suppressionLifts)
      .where(and(eq(suppressionLifts.orgId, c.orgId)));
    expect(lifts).toHaveLength(1);
    expect(lifts[0]).toMatchObject({
      kind: "email",
      wasAllChannels: true,
      lifted: ["email"],
      evidenceRef: "optin:confirmed-1",
    });
    const audited = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, c.orgId), eq(auditLog.action, "suppression.lifted")));
    expect(audited).toHaveLength(1);
    expect(JSON.stringify(audited)).not.toContain(emailHmac);
    await expect(
      liftSuppression(handle.db, c.orgId, { emailHmac, phoneHmac: null }, ["email"], {
        ...evidence,
        evidenceRef: " ",
      }),
    ).rejects.toThrow();
  });
});
