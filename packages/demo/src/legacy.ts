import { admitPerson } from "@isoloir/contacts";
import { type Db, elections, type Keys, objections } from "@isoloir/db";
import { identityFor } from "./contacts";
import { seededRandom } from "./random";

/**
 * The legacy batch a newcomer can purge (see the root README, "Purging data that must go"): what a
 * campaign inherits from before the rules ran. Every row enters through admitPerson with its true
 * provenance; the purge then finds it through the policy engine, never through these markers.
 */
export const legacyImports = {
  /** Match-era social lookups: provider rows without any social_enrichment consent */
  match: "facebook",
  /** a municipal heat-wave register handed to the campaign: a public-sector file */
  forbidden: "import:legacy-2020-registre-canicule",
  /** the 2020 municipal electoral list, long after its election */
  electoral: "import:legacy-2020-liste-electorale",
} as const;

export interface LegacyCounts {
  matchOnExisting: number;
  matchOnly: number;
  forbidden: number;
  electoral: number;
  objectors: number;
}

const legacyCounts = (total: number): LegacyCounts => {
  const share = (n: number) => Math.max(4, Math.round(total * n));
  return {
    matchOnExisting: share(0.03),
    matchOnly: share(0.015),
    forbidden: share(0.015),
    electoral: share(0.02),
    objectors: share(0.005),
  };
};

const lookup = (r: ReturnType<typeof seededRandom>) => ({
  source: "social_enrichment_lookup" as const,
  collectorKind: "provider" as const,
  collectorRef: legacyImports.match,
  collectedAt: new Date(Date.UTC(2019, r.int(0, 11), r.int(1, 28))),
  legalBasis: "legitimate_interest" as const,
  dataCategories: ["identity" as const, "social_profile" as const],
});

const newsletter = (at: Date) => ({
  source: "newsletter_signup" as const,
  collectorKind: "form" as const,
  collectorRef: "newsletter_signup:site",
  collectedAt: at,
  legalBasis: "consent" as const,
});
const emailConsent = (at: Date) => [
  {
    scope: "political_email" as const,
    mechanism: "double_opt_in" as const,
    capturedAt: at,
    evidenceRef: "form:newsletter_signup:legacy",
  },
];

/** Adds the legacy batch to the demo organisation (identities numbered from `firstIndex`, apart from the rest). */
export async function seedLegacyBatch(
  db: Db,
  keys: Keys,
  orgId: string,
  total: number,
  now: Date,
  firstIndex = 900_000,
): Promise<LegacyCounts> {
  const counts = legacyCounts(total);
  const r = seededRandom(2019);
  const ctx = { orgId, hmacKey: keys.hmacKey, defaultCountry: "FR" };
  let index = firstIndex;
  // no phone: the demo's fictional numbers repeat every 10,000 people, and a shared number would merge people
  const person = () => ({ ...identityFor(r, index++), country: "FR", phone: undefined });
  const signedUp = new Date(now.getTime() - 200 * 86_400_000);
  for (let i = 0; i < counts.matchOnExisting; i++) {
    const who = person();
    await admitPerson(
      db,
      ctx,
      { firstName: who.firstName, lastName: who.lastName, email: who.email },
      newsletter(signedUp),
      emailConsent(signedUp),
    );
    await admitPerson(db, ctx, { email: who.email, city: who.city, birthYear: r.int(1950, 2000) }, lookup(r));
  }
  for (let i = 0; i < counts.matchOnly; i++) await admitPerson(db, ctx, person(), lookup(r));
  for (let i = 0; i < counts.forbidden; i++) {
    await admitPerson(
      db,
      ctx,
      { ...person(), birthYear: r.int(1925, 1950) },
      {
        source: "public_sector_file",
        collectorKind: "import",
        collectorRef: legacyImports.forbidden,
        collectedAt: new Date("2020-07-15T00:00:00Z"),
        legalBasis: "public_task",
      },
    );
  }
  const [election] = await db
    .insert(elections)
    .values({
      orgId,
      name: "Municipales 2020 — Lyon",
      type: "municipal",
      jurisdiction: "FR",
      rounds: ["2020-03-15", "2020-06-28"],
      resultsProclaimedAt: "2020-06-29",
    })
    .returning({ id: elections.id });
  for (let i = 0; i < counts.electoral; i++) {
    await admitPerson(db, ctx, person(), {
      source: "electoral_list_L37",
      collectorKind: "import",
      collectorRef: legacyImports.electoral,
      collectedAt: new Date("2020-01-20T00:00:00Z"),
      legalBasis: "legitimate_interest",
      electionId: election?.id,
    });
  }
  for (let i = 0; i < counts.objectors; i++) {
    // objected to everything before the suppression list existed: the objection is on record, no HMAC yet
    const { contactId } = await admitPerson(db, ctx, person(), newsletter(new Date("2021-03-01T00:00:00Z")));
    await db
      .insert(objections)
      .values({ orgId, contactId, allChannels: true, at: new Date("2021-06-01T00:00:00Z") });
  }
  return counts;
}
