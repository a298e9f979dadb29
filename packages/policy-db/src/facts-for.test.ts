import { admitPerson, recordObjection } from "@isoloir/contacts";
import { contacts, countrySettings, type DbHandle, elections, objections } from "@isoloir/db";
import { insertTestOrg, testDatabases, testKeys } from "@isoloir/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factsFor } from "./facts-for";
import type { ContactClass } from "./projection";

const classOf = (source: string): ContactClass =>
  source === "membership"
    ? "member"
    : source === "newsletter_signup"
      ? "regular_contact"
      : source === "petition"
        ? "occasional_contact"
        : "prospect";

describe.each(testDatabases())("factsFor on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  async function scenario() {
    const org = await insertTestOrg(handle.db);
    const [past, next] = await handle.db
      .insert(elections)
      .values([
        {
          orgId: org.id,
          name: "past",
          type: "municipal",
          jurisdiction: "FR",
          rounds: ["2026-03-15", "2026-03-22"],
        },
        {
          orgId: org.id,
          name: "next",
          type: "legislative",
          jurisdiction: "FR",
          rounds: ["2027-06-13", "2027-06-20"],
        },
      ])
      .returning();
    await handle.db.insert(countrySettings).values({ orgId: org.id, country: "FR", enrichmentEnabled: true });
    const ctx = { orgId: org.id, hmacKey: testKeys.hmacKey };
    const listRow = {
      source: "electoral_list_L37" as const,
      collectorKind: "import" as const,
      collectorRef: "import:1",
      collectedAt: new Date("2026-02-01T00:00:00Z"),
      legalBasis: "public_task" as const,
      electionId: past?.id,
    };
    const { contactId } = await admitPerson(
      handle.db,
      ctx,
      { lastName: "Roux", email: "roux@example.fr", birthYear: 2000, country: "FR" },
      listRow,
    );
    await admitPerson(
      handle.db,
      ctx,
      { email: "roux@example.fr" },
      {
        ...listRow,
        source: "newsletter_signup",
        collectorKind: "form",
        legalBasis: "consent",
        electionId: undefined,
        collectedAt: new Date("2026-05-01T00:00:00Z"),
      },
      [
        {
          scope: "political_email",
          mechanism: "double_opt_in",
          capturedAt: new Date("2026-05-01T00:00:00Z"),
          evidenceRef: "form:nl",
        },
      ],
    );
    return { org, contactId, past, next };
  }

  it("projects import and retain once per provenance row, with that row's election", async () => {
    const { org, contactId, past } = await scenario();
    const projected = await factsFor(
      handle.db,
      { orgId: org.id, contactId },
      { type: "retain" },
      new Date("2026-11-24T10:00:00Z"),
      classOf,
    );
    expect(projected).toHaveLength(2);
    const list = projected.find(
      (p) => (p.facts.contact as { source: string }).source === "electoral_list_L37",
    );
    expect(list?.facts.election).toEqual({
      type: "municipal",
      rounds: past?.rounds,
      litigationWindowDays: 10,
    });
    expect(list?.facts.contact).toMatchObject({
      collectedAt: "2026-02-01T00:00:00.000Z",
      dataCategories: ["identity", "contact"],
    });
  });

  it("projects a contact action from the strongest row and the next open election", async () => {
    const { org, contactId } = await scenario();
    const [one] = await factsFor(
      handle.db,
      { orgId: org.id, contactId },
      { type: "contact", channel: "email", messageKind: "political" },
      new Date("2026-11-24T10:00:00Z"),
      classOf,
    );
    expect(one?.facts).toMatchObject({
      jurisdiction: "FR",
      controller: { type: "party" },
      settings: { enrichment: { FR: true } },
      election: { type: "legislative" },
      contact: { source: "newsletter_signup", country: "FR", ageYears: 25, suppressed: false },
    });
    const contact = one?.facts.contact as { consents: unknown[] } | undefined;
    expect(contact?.consents).toHaveLength(1);
  });

  it("folds objections and sees the suppression match", async () => {
    const { org, contactId } = await scenario();
    await recordObjection(handle.db, org.id, contactId, ["sms"], new Date("2026-07-01T00:00:00Z"));
    await recordObjection(handle.db, org.id, contactId, "all", new Date("2026-08-01T00:00:00Z"));
    const [one] = await factsFor(
      handle.db,
      { orgId: org.id, contactId },
      { type: "enrich", provider: "twitter" },
      new Date("2026-11-24T10:00:00Z"),
      classOf,
    );
    expect(one?.facts.contact).toMatchObject({
      objection: { at: "2026-07-01T00:00:00.000Z", scope: "all" },
      suppressed: true,
    });
  });

  it("reads a scoped suppression record as the objection of a person known by name and birth date alone", async () => {
    const org = await insertTestOrg(handle.db);
    const ctx = { orgId: org.id, hmacKey: testKeys.hmacKey };
    const door = { birthName: "Nguyen", firstName: "Thi Lan", birthDate: "1972-09-30" };
    const list = {
      source: "electoral_list_L37" as const,
      collectorKind: "import" as const,
      collectorRef: "import:l37",
      collectedAt: new Date("2026-02-01T00:00:00Z"),
      legalBasis: "public_task" as const,
    };
    const first = await admitPerson(handle.db, ctx, door, list);
    await recordObjection(
      handle.db,
      org.id,
      first.contactId,
      ["door_to_door"],
      new Date("2026-03-01T00:00:00Z"),
    );
    await handle.db.delete(contacts).where(eq(contacts.id, first.contactId));
    const again = await admitPerson(handle.db, ctx, { ...door, birthName: "NGUYEN" }, list);
    // the record alone, without the objection admitPerson recreated
    await handle.db.delete(objections).where(eq(objections.contactId, again.contactId));
    const at = new Date("2026-11-24T10:00:00Z");
    const visit = { type: "contact", channel: "door_to_door", messageKind: "political" } as const;
    const [one] = await factsFor(
      handle.db,
      { orgId: org.id, contactId: again.contactId },
      visit,
      at,
      classOf,
    );
    expect(one?.facts.contact).toMatchObject({
      objection: { at: "2026-03-01T00:00:00.000Z", scope: ["door_to_door"] },
      suppressed: false,
    });
    await recordObjection(handle.db, org.id, again.contactId, "all", new Date("2026-04-01T00:00:00Z"));
    const [after] = await factsFor(
      handle.db,
      { orgId: org.id, contactId: again.contactId },
      visit,
      at,
      classOf,
    );
    expect(after?.facts.contact).toMatchObject({ suppressed: true });
  });

  it("finds nothing for another organisation's contact", async () => {
    const { contactId } = await scenario();
    const other = await insertTestOrg(handle.db);
    expect(
      await factsFor(handle.db, { orgId: other.id, contactId }, { type: "retain" }, new Date(), classOf),
    ).toEqual([]);
  });
});
