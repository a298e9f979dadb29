import { randomUUID } from "node:crypto";
import {
  consents,
  contacts,
  countrySettings,
  type Db,
  elections,
  objections,
  organisations,
  processors,
  provenance,
  suppressions,
} from "@isoloir/db";
import {
  channels,
  consentScopes,
  controllerTypes,
  dataCategories,
  hostingRegions,
  type Jurisdiction,
  jurisdictions,
  mechanisms,
  messageKinds,
  providers,
  sources,
  transferMechanisms,
} from "@isoloir/policy";
import fc from "fast-check";
import type { FactsAction } from "../facts-for";

// Generated organisations with stored contacts, for the memory/SQL agreement test: every source,
// consent scope and mechanism, channel × message kind and action, with `at` and the contacts' dates
// drawn within a day of each boundary (eve of a round, 20:00 on polling day, between rounds, the end of
// the litigation window, retention ends 30/60 days and 3 years on).

const DAY = 86_400_000;
const countries = ["FR", "DE", "LU", "GB", "US", "IT"] as const;
const countryOfJurisdiction: Record<Jurisdiction, string> = {
  FR: "FR",
  DE: "DE",
  LU: "LU",
  UK: "GB",
  US: "US",
  EU_INSTITUTION: "BE",
};

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

const electionArb = fc
  .record({
    type: fc.constantFrom("legislative", "municipal", "presidential", "european", "primary", "referendum"),
    first: fc.integer({ min: 0, max: 900 }).map((d) => addDays("2025-09-07", d)),
    twoRounds: fc.boolean(),
    proclaimed: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    window: fc.constantFrom(10, 10, 15, 30),
  })
  .map(({ type, first, twoRounds, proclaimed, window }) => {
    const rounds = twoRounds ? [first, addDays(first, 7)] : [first];
    const last = rounds.at(-1) ?? first;
    return {
      type,
      rounds,
      resultsProclaimedAt: proclaimed === undefined ? null : addDays(last, proclaimed),
      litigationWindowDays: window,
    };
  });
export type GeneratedElection = typeof electionArb extends fc.Arbitrary<infer T> ? T : never;

/** The instants around which `at` is drawn. */
function boundaries(list: GeneratedElection[]): number[] {
  const points = [Date.parse("2026-06-01T12:00:00Z")];
  for (const e of list) {
    for (const r of e.rounds) {
      const t = Date.parse(`${r}T00:00:00Z`);
      points.push(t - DAY, t, t + 20 * 3_600_000, t + DAY);
    }
    const first = e.rounds[0] ?? "";
    const last = e.rounds.at(-1) ?? first;
    if (first !== last) points.push(Date.parse(`${addDays(first, 3)}T12:00:00Z`));
    points.push(
      Date.parse(`${addDays(last, e.litigationWindowDays + 1)}T00:00:00Z`),
      Date.parse(`${addDays(last, 31)}T00:00:00Z`),
    );
    if (e.resultsProclaimedAt)
      points.push(Date.parse(`${addDays(e.resultsProclaimedAt, e.litigationWindowDays + 1)}T00:00:00Z`));
    const d = new Date(`${first}T00:00:00Z`);
    points.push(
      Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 6, 1),
      Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 5, 1),
    );
  }
  return points;
}

const nearArb = (points: number[]) =>
  fc
    .tuple(fc.constantFrom(...points), fc.integer({ min: -25 * 60, max: 25 * 60 }))
    .map(([p, m]) => p + m * 60_000);

/** An instant `before` days ± a day before one of the ats, or anywhere within ±`spread` days. */
const relativeArb = (ats: number[], offsets: number[], spread: number) =>
  fc.oneof(
    fc
      .tuple(
        fc.constantFrom(...ats),
        fc.constantFrom(...offsets),
        fc.integer({ min: -25 * 60, max: 25 * 60 }),
      )
      .map(([at, days, m]) => at - days * DAY + m * 60_000),
    fc
      .tuple(fc.constantFrom(...ats), fc.integer({ min: -spread, max: spread }))
      .map(([at, d]) => at + d * DAY + 7_919),
  );

const provenanceArb = (ats: number[], electionCount: number) =>
  fc.record({
    source: fc.constantFrom(...sources),
    collectedAt: relativeArb(ats, [0, 30, 60, 365, 3 * 365], 900),
    election:
      electionCount > 0 ? fc.option(fc.nat({ max: electionCount - 1 }), { nil: null }) : fc.constant(null),
    vendor: fc.option(
      fc.record({ disclosed: fc.boolean(), optOut: fc.option(fc.boolean(), { nil: null }) }),
      { nil: null },
    ),
    categories: fc.uniqueArray(fc.constantFrom(...dataCategories), { maxLength: 3 }),
  });

const consentArb = (ats: number[]) =>
  fc.record({
    scope: fc.constantFrom(...consentScopes),
    mechanism: fc.constantFrom(...mechanisms),
    capturedAt: relativeArb(ats, [0, 1, 30], 400),
    withdrawnAt: fc.option(relativeArb(ats, [0, -1, 1], 300), { nil: null }),
    evidenceRef: fc.constantFrom<string | null>("form:signup", "call:rec-1", "", "  ", null),
    bundled: fc.boolean(),
  });

const objectionArb = (ats: number[]) =>
  fc.record({
    at: relativeArb(ats, [0, 1, -1, 30], 300),
    all: fc.boolean(),
    channels: fc.uniqueArray(fc.constantFrom(...channels), { maxLength: 3 }),
  });

/** A suppression record matching the contact by one identifier (none when it lacks that one): `all`, or channels. */
const suppressionArb = (ats: number[]) =>
  fc.record({
    by: fc.constantFrom("email" as const, "phone" as const, "identity" as const),
    all: fc.boolean(),
    channels: fc.uniqueArray(fc.constantFrom(...channels), { maxLength: 3 }),
    at: relativeArb(ats, [0, 1, -1, 30], 300),
  });

type GeneratedSuppression = ReturnType<typeof suppressionArb> extends fc.Arbitrary<infer T> ? T : never;

const contactArb = (ats: number[], electionCount: number) =>
  fc.record({
    country: fc.option(fc.constantFrom(...countries), { nil: null, freq: 5 }),
    birthYear: fc.option(fc.integer({ min: 1930, max: 2016 }), { nil: null }),
    origins: fc.array(provenanceArb(ats, electionCount), { minLength: 1, maxLength: 3 }),
    consents: fc.array(consentArb(ats), { maxLength: 3 }),
    objections: fc.array(objectionArb(ats), { maxLength: 2 }),
    hasIdentity: fc.boolean(),
    suppressions: fc.oneof(
      { weight: 3, arbitrary: fc.constant<GeneratedSuppression[]>([]) },
      { weight: 2, arbitrary: fc.uniqueArray(suppressionArb(ats), { maxLength: 3, selector: (r) => r.by }) },
    ),
    messagesSent: fc.constantFrom(0, 0, 1, 2, 5),
    consentRequestsSent: fc.constantFrom(0, 0, 1, 2),
    lastMessageAt: fc.option(relativeArb(ats, [0, 30, 60], 200), { nil: null }),
    lastPositive: fc.option(relativeArb(ats, [3 * 365, 3 * 366, 0], 1300), { nil: null }),
  });

const processorNames = ["host", "mailer", "sms-gateway"] as const;

/** Every action the projection can decide; each world decides import, retain and a sample of the others. */
export const allActions: FactsAction[] = [
  ...channels.flatMap((channel) =>
    messageKinds.map((messageKind) => ({ type: "contact" as const, channel, messageKind })),
  ),
  ...providers.map((provider) => ({ type: "enrich" as const, provider })),
  ...dataCategories.map((category) => ({ type: "record" as const, category })),
  ...processorNames.map((processor) => ({ type: "transfer" as const, processor })),
];

export const worldArb = (contactsPerWorld: number) =>
  fc
    .record({
      jurisdiction: fc.constantFrom(...jurisdictions),
      kind: fc.constantFrom(...controllerTypes.filter((k) => k !== "eu_institution")),
      enrichment: fc.dictionary(fc.constantFrom(...countries), fc.boolean(), { maxKeys: 4 }),
      processors: fc.uniqueArray(
        fc.record({
          name: fc.constantFrom(...processorNames),
          hostingRegion: fc.constantFrom(...hostingRegions),
          transferMechanism: fc.constantFrom(...transferMechanisms),
          authorised: fc.boolean(),
          art28ContractSigned: fc.boolean(),
        }),
        { minLength: 1, maxLength: 3, selector: (p) => p.name },
      ),
      elections: fc.array(electionArb, { maxLength: 2 }),
    })
    .chain((org) =>
      fc.uniqueArray(nearArb(boundaries(org.elections)), { minLength: 3, maxLength: 3 }).chain((ats) =>
        fc.record({
          org: fc.constant(org),
          ats: fc.constant(ats),
          actions: fc.shuffledSubarray(allActions, { minLength: 3, maxLength: 3 }),
          contacts: fc.array(contactArb(ats, org.elections.length), {
            minLength: contactsPerWorld,
            maxLength: contactsPerWorld,
          }),
        }),
      ),
    );
export type World = typeof worldArb extends (n: number) => fc.Arbitrary<infer T> ? T : never;

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/** Writes a world: its organisation, elections, switches, processors and contacts with their rows. */
export async function storeWorld(db: Db, world: World): Promise<string> {
  const { org } = world;
  const slug = `w-${randomUUID().slice(0, 8)}`;
  const [row] = await db
    .insert(organisations)
    .values({
      slug,
      name: slug,
      kind: org.jurisdiction === "EU_INSTITUTION" ? "eu_institution" : org.kind,
      country: countryOfJurisdiction[org.jurisdiction],
      controllerName: slug,
      controllerEmail: `dpo@${slug}.example`,
    })
    .returning();
  const orgId = row?.id ?? "";
  const electionIds = org.elections.map(() => randomUUID());
  if (org.elections.length > 0) {
    await db.insert(elections).values(
      org.elections.map((e, i) => ({
        orgId,
        id: electionIds[i],
        name: e.type,
        jurisdiction: org.jurisdiction,
        ...e,
      })),
    );
  }
  const switches = Object.entries(org.enrichment);
  if (switches.length > 0) {
    await db
      .insert(countrySettings)
      .values(switches.map(([country, on]) => ({ orgId, country, enrichmentEnabled: on })));
  }
  await db.insert(processors).values(org.processors.map((p) => ({ orgId, purpose: "test", ...p })));
  await storeContacts(db, orgId, world.contacts, electionIds);
  return orgId;
}

async function storeContacts(db: Db, orgId: string, people: World["contacts"], electionIds: string[]) {
  const ids = people.map(() => randomUUID());
  const hmacs = people.map((p) => ({
    email: randomUUID(),
    phone: randomUUID(),
    identity: p.hasIdentity ? randomUUID() : null,
  }));
  await db.insert(contacts).values(
    people.map((p, i) => ({
      orgId,
      id: ids[i],
      lastName: `C${i}`,
      country: p.country,
      birthYear: p.birthYear,
      emailHmac: hmacs[i]?.email,
      phoneHmac: hmacs[i]?.phone,
      identityHmac: hmacs[i]?.identity,
      messagesSent: p.messagesSent,
      consentRequestsSent: p.consentRequestsSent,
      lastMessageAt: date(p.lastMessageAt),
      lastPositiveInteractionAt: date(p.lastPositive),
    })),
  );
  const contactId = (i: number) => ids[i] ?? "";
  await db.insert(provenance).values(
    people.flatMap((p, i) =>
      p.origins.map((o) => ({
        orgId,
        contactId: contactId(i),
        fields: ["email"],
        dataCategories: o.categories,
        source: o.source,
        collectorKind: "import" as const,
        collectorRef: "import:test",
        electionId: o.election === null ? null : electionIds[o.election],
        collectedAt: new Date(o.collectedAt),
        legalBasis: "consent" as const,
        vendorPoliticalReuseDisclosed: o.vendor?.disclosed ?? null,
        vendorOptOutOffered: o.vendor?.optOut ?? null,
      })),
    ),
  );
  const ledger = people.flatMap((p, i) =>
    p.consents.map((k) => ({
      orgId,
      contactId: contactId(i),
      ...k,
      capturedAt: new Date(k.capturedAt),
      withdrawnAt: date(k.withdrawnAt),
    })),
  );
  if (ledger.length > 0) await db.insert(consents).values(ledger);
  const objected = people.flatMap((p, i) =>
    p.objections.map((o) => ({
      orgId,
      contactId: contactId(i),
      allChannels: o.all,
      channels: o.channels,
      at: new Date(o.at),
    })),
  );
  if (objected.length > 0) await db.insert(objections).values(objected);
  const suppressed = people.flatMap((p, i) =>
    p.suppressions.map((r) => ({
      orgId,
      kind: r.by,
      hmac: hmacs[i]?.[r.by] ?? randomUUID(),
      allChannels: r.all,
      channels: r.all ? [] : r.channels,
      at: new Date(r.at),
      reason: "objection" as const,
    })),
  );
  if (suppressed.length > 0) await db.insert(suppressions).values(suppressed);
}
