import { randomUUID } from "node:crypto";
import { admitPerson, recordObjection } from "@isoloir/contacts";
import {
  consents,
  contactAssignments,
  type Db,
  elections,
  enrichments,
  memberships,
  objections,
  type Role,
  users,
} from "@isoloir/db";
import { insertTestOrg, testKeys } from "@isoloir/db/testing";

// Test fixtures: an organisation whose contacts cover every purge reason, and the helpers the tests
// and the crash-resume child share. Exported as `@isoloir/purge/testing`, never from the package root.

export const scenarioAt = new Date("2026-11-24T10:00:00Z");

export const kinds = [
  "lawful",
  "electoral_past",
  "electoral_mixed",
  "objector",
  "legacy_objector",
  "match_only",
  "match_mixed",
  "forbidden",
  "electoral_future",
  "objected_email",
] as const;
export type Kind = (typeof kinds)[number];

export interface Scenario {
  orgId: string;
  members: Record<"owner" | "admin" | "planner" | "approver" | "staff", string>;
  kinds: Map<string, Kind>;
}

/** A small seeded PRNG, so a seed always gives the same scenario. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function addMember(db: Db, orgId: string, role: Role): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({
      email: `${role}-${randomUUID().slice(0, 8)}@purge.test`,
      name: role,
      passwordHash: "not-a-hash",
    })
    .returning({ id: users.id });
  if (!user) throw new Error("insert user returned nothing");
  // roles granted long before any plan, so four eyes' cooling-off never bars the scenario's approver
  const grantedAt = new Date(Date.now() - 30 * 86_400_000);
  await db.insert(memberships).values({ orgId, userId: user.id, role, roleGrantedAt: grantedAt });
  return user.id;
}

const form = (source: "newsletter_signup" | "direct_form", at: string) => ({
  source,
  collectorKind: "form" as const,
  collectorRef: `form:${source}`,
  collectedAt: new Date(at),
  legalBasis: "consent" as const,
});
const emailConsent = (at: string) => ({
  scope: "political_email" as const,
  mechanism: "double_opt_in" as const,
  capturedAt: new Date(at),
  evidenceRef: "form:2026",
});

async function admitKind(
  db: Db,
  orgId: string,
  kind: Kind,
  i: number,
  ids: { past: string; future: string },
) {
  const ctx = { orgId, hmacKey: testKeys.hmacKey };
  const who = { firstName: `P${i}`, lastName: `Kind-${kind}`, email: `p${i}@purge.example` };
  const list = (electionId: string) => ({
    source: "electoral_list_L37" as const,
    collectorKind: "import" as const,
    collectorRef: "import:l37-2026",
    collectedAt: new Date("2026-02-01T00:00:00Z"),
    legalBasis: "legitimate_interest" as const,
    electionId,
  });
  const lookup = {
    source: "social_enrichment_lookup" as const,
    collectorKind: "provider" as const,
    collectorRef: "facebook",
    collectedAt: new Date("2019-05-01T00:00:00Z"),
    legalBasis: "legitimate_interest" as const,
    dataCategories: ["identity" as const, "social_profile" as const],
  };
  switch (kind) {
    case "electoral_past":
      return (
        await admitPerson(
          db,
          ctx,
          { ...who, addressLine: `${i} rue du Test`, postalCode: "69001" },
          list(ids.past),
        )
      ).contactId;
    case "electoral_mixed": {
      const { contactId } = await admitPerson(db, ctx, who, form("direct_form", "2026-09-01T00:00:00Z"), [
        emailConsent("2026-09-01T00:00:00Z"),
      ]);
      await admitPerson(
        db,
        ctx,
        { email: who.email, addressLine: `${i} rue du Test`, postalCode: "69001" },
        list(ids.past),
      );
      return contactId;
    }
    case "match_only":
      return (await admitPerson(db, ctx, { ...who, city: "Lyon" }, lookup)).contactId;
    case "match_mixed": {
      const { contactId } = await admitPerson(
        db,
        ctx,
        who,
        form("newsletter_signup", "2026-09-01T00:00:00Z"),
        [emailConsent("2026-09-01T00:00:00Z")],
      );
      await admitPerson(db, ctx, { email: who.email, city: "Lyon", birthYear: 1980 }, lookup);
      return contactId;
    }
    case "forbidden":
      return (
        await admitPerson(db, ctx, who, {
          source: "public_sector_file",
          collectorKind: "import",
          collectorRef: "import:canicule-2019",
          collectedAt: new Date("2019-07-01T00:00:00Z"),
          legalBasis: "public_task",
        })
      ).contactId;
    case "electoral_future":
      return (await admitPerson(db, ctx, who, list(ids.future))).contactId;
    default:
      return (
        await admitPerson(db, ctx, who, form("newsletter_signup", "2026-09-01T00:00:00Z"), [
          emailConsent("2026-09-01T00:00:00Z"),
        ])
      ).contactId;
  }
}

async function decorate(db: Db, s: Scenario, contactId: string, kind: Kind, random: () => number) {
  const orgId = s.orgId;
  if (kind === "objector")
    await recordObjection(db, orgId, contactId, "all", new Date("2026-10-01T00:00:00Z"));
  if (kind === "objected_email")
    await recordObjection(db, orgId, contactId, ["email"], new Date("2026-10-01T00:00:00Z"));
  // an objection from before suppression existed: on record, but no suppression HMAC yet
  if (kind === "legacy_objector")
    await db
      .insert(objections)
      .values({ orgId, contactId, allChannels: true, at: new Date("2025-01-10T00:00:00Z") });
  if (random() < 0.3)
    await db.insert(contactAssignments).values({ orgId, userId: s.members.staff, contactId });
  if ((kind === "lawful" || kind === "electoral_past") && random() < 0.5) {
    const [consent] = await db
      .insert(consents)
      .values({
        orgId,
        contactId,
        scope: "social_enrichment",
        mechanism: "unticked_checkbox",
        capturedAt: new Date("2026-02-01T00:00:00Z"),
        evidenceRef: "form:enrich",
      })
      .returning({ id: consents.id });
    if (consent)
      await db.insert(enrichments).values({
        orgId,
        contactId,
        consentId: consent.id,
        provider: "twitter",
        fetchedAt: new Date("2026-03-01T00:00:00Z"),
        handle: `@p${contactId.slice(0, 6)}`,
      });
  }
}

/** An organisation with `n` contacts of every kind (seeded), two elections and a member per role. */
export async function purgeScenario(db: Db, n: number, seed = 1): Promise<Scenario> {
  const org = await insertTestOrg(db);
  const members = {
    owner: await addMember(db, org.id, "owner"),
    admin: await addMember(db, org.id, "admin"),
    planner: await addMember(db, org.id, "compliance"),
    approver: await addMember(db, org.id, "compliance"),
    staff: await addMember(db, org.id, "staff"),
  };
  const [past, future] = await db
    .insert(elections)
    .values([
      {
        orgId: org.id,
        name: "Municipales 2026",
        type: "municipal",
        jurisdiction: "FR",
        rounds: ["2026-03-15", "2026-03-22"],
        resultsProclaimedAt: "2026-03-23",
      },
      {
        orgId: org.id,
        name: "Législatives 2027",
        type: "legislative",
        jurisdiction: "FR",
        rounds: ["2027-06-13", "2027-06-20"],
      },
    ])
    .returning({ id: elections.id });
  if (!past || !future) throw new Error("insert elections returned nothing");
  const scenario: Scenario = { orgId: org.id, members, kinds: new Map() };
  const random = prng(seed);
  for (let i = 0; i < n; i++) {
    const kind = kinds[i < kinds.length ? i : Math.floor(random() * kinds.length)] as Kind;
    const contactId = await admitKind(db, org.id, kind, i, { past: past.id, future: future.id });
    scenario.kinds.set(contactId, kind);
    await decorate(db, scenario, contactId, kind, random);
  }
  return scenario;
}

export const ctxOf = (s: Scenario, member: keyof Scenario["members"]) => ({
  orgId: s.orgId,
  userId: s.members[member],
  hmacKey: testKeys.hmacKey,
});

export { type Exclusion, fingerprint, frozenTargets, uuidList } from "./fingerprint";
