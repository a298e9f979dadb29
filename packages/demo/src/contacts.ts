import type { ConsentInput, Identity, ProvenanceInput } from "@isoloir/contacts";
import type { ConsentScope, SourceKind } from "@isoloir/db";
import { firstNames, foreignPlaces, frenchPlaces, lastNames, mailDomains, streets } from "./people";
import type { Random } from "./random";

/** How the demo base is made up: mostly lawful French supporters, with every kind of origin present. */
const sourceMix: readonly (readonly [SourceKind, number])[] = [
  ["newsletter_signup", 20],
  ["direct_form", 12],
  ["membership", 8],
  ["donation", 5],
  ["event_signup", 10],
  ["petition", 9],
  ["door_to_door", 8],
  ["social_follow_or_friend", 5],
  ["social_interaction", 7],
  ["referral_tell_a_friend", 4],
  ["electoral_list_L37", 6],
  ["rented_or_bought_commercial_file", 2],
  ["candidacy_sponsorship", 2],
  ["primary_participation", 1],
  ["emargement_list_L68", 1],
];

const consentByLikelihood: Partial<Record<SourceKind, number>> = {
  newsletter_signup: 0.95,
  direct_form: 0.8,
  membership: 0.7,
  donation: 0.6,
  event_signup: 0.35,
  petition: 0.25,
  social_follow_or_friend: 0.2,
  door_to_door: 0.15,
  candidacy_sponsorship: 0.3,
};

/** Sign-up paths whose form offers the separate social-enrichment checkbox. */
const enrichmentOffered: readonly SourceKind[] = [
  "newsletter_signup",
  "direct_form",
  "membership",
  "event_signup",
];

export interface DemoPerson {
  identity: Identity;
  origins: ProvenanceInput[];
  consents: ConsentInput[];
  objection?: "all" | ["email"] | ["sms"];
  messagesSent: number;
  lastMessageAt?: Date;
  lastPositiveInteractionAt?: Date;
}

const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "");

/** Numbers reserved for fiction (Ofcom drama range, US 555-01xx); other countries get none. */
function fictionalForeignPhone(country: string, index: number): string | undefined {
  if (country === "GB") return `+44 20 7946 ${String(index % 1000).padStart(4, "0")}`;
  if (country === "US") return `+1 212 555 01${String(index % 100).padStart(2, "0")}`;
  return undefined;
}

/** French numbers in the 01 99 00 range, which ARCEP keeps for fiction. */
function fictionalFrenchPhone(index: number): string {
  return `01 99 00 ${String(Math.floor(index / 100) % 100).padStart(2, "0")} ${String(index % 100).padStart(2, "0")}`;
}

export function identityFor(r: Random, index: number): Identity {
  const firstName = r.pick(firstNames);
  const lastName = r.pick(lastNames);
  const email = `${slug(firstName)}.${slug(lastName)}${index}@${r.pick(mailDomains)}`;
  if (r.chance(0.06)) {
    const [country, city, postalCode] = r.pick(foreignPlaces);
    const phone = fictionalForeignPhone(country, index);
    return { firstName, lastName, email, phone, city, postalCode, country };
  }
  const [city, postalCode] = r.pick(frenchPlaces);
  const phone = r.chance(0.6) ? fictionalFrenchPhone(index) : undefined;
  return {
    firstName,
    lastName,
    email,
    phone,
    city,
    postalCode,
    country: "FR",
    addressLine: `${r.int(1, 180)} ${r.pick(streets)}`,
    birthYear: r.chance(0.4) ? r.int(1940, 2008) : undefined,
  };
}

function objectionScope(r: Random): DemoPerson["objection"] {
  const roll = r.next();
  return roll < 0.5 ? "all" : roll < 0.75 ? ["email"] : ["sms"];
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

function consentsFor(r: Random, source: SourceKind, collectedAt: Date, now: Date): ConsentInput[] {
  if (!r.chance(consentByLikelihood[source] ?? 0)) return [];
  const evidenceRef = `form:${source}:${collectedAt.toISOString().slice(0, 7)}`;
  const scopes: ConsentScope[] = [
    "political_email",
    ...(r.chance(0.35) ? (["political_sms"] as const) : []),
    // the explicit, separate checkbox for social-profile enrichment (Match done right)
    ...(enrichmentOffered.includes(source) && r.chance(0.3) ? (["social_enrichment"] as const) : []),
  ];
  return scopes.map((scope) => ({
    scope,
    mechanism: r.weighted([
      ["unticked_checkbox", 70],
      ["double_opt_in", 25],
      ["pre_ticked", 3],
      ["verbal_recorded", 2],
    ] as const),
    capturedAt: collectedAt,
    evidenceRef: r.chance(0.97) ? evidenceRef : undefined,
    bundled: source === "candidacy_sponsorship" && r.chance(0.5),
    withdrawnAt: r.chance(0.06) ? daysBefore(now, r.int(1, 60)) : undefined,
  }));
}

export function demoPerson(
  r: Random,
  index: number,
  now: Date,
  electionIds: { legislative: string; municipal: string },
): DemoPerson {
  const source = r.weighted(sourceMix);
  const collectedAt = daysBefore(now, r.int(3, 700));
  const electionId =
    source === "electoral_list_L37"
      ? r.chance(0.5)
        ? electionIds.legislative
        : electionIds.municipal
      : source === "emargement_list_L68"
        ? electionIds.municipal
        : undefined;
  const origin: ProvenanceInput = {
    source,
    collectorKind:
      source === "electoral_list_L37" ||
      source === "rented_or_bought_commercial_file" ||
      source === "emargement_list_L68"
        ? "import"
        : "form",
    collectorRef: `${source}:${collectedAt.toISOString().slice(0, 7)}`,
    collectedAt,
    legalBasis: consentByLikelihood[source]
      ? "consent"
      : source === "membership"
        ? "membership_art9_2d"
        : "legitimate_interest",
    electionId,
    ...(source === "rented_or_bought_commercial_file"
      ? { vendorPoliticalReuseDisclosed: r.chance(0.5), vendorOptOutOffered: r.chance(0.7) }
      : {}),
  };
  const origins = [origin];
  if (source === "event_signup" && r.chance(0.3)) {
    const later = daysBefore(now, r.int(1, 3));
    origins.push({
      ...origin,
      source: "newsletter_signup",
      collectorRef: "newsletter_signup:site",
      collectedAt: later.getTime() > collectedAt.getTime() ? later : collectedAt,
      legalBasis: "consent",
    });
  }
  const messagesSent = r.chance(0.7) ? r.int(0, 24) : 0;
  return {
    identity: identityFor(r, index),
    origins,
    consents: consentsFor(r, source, collectedAt, now),
    objection: r.chance(0.03) ? objectionScope(r) : undefined,
    messagesSent,
    lastMessageAt: messagesSent > 0 ? daysBefore(now, r.int(1, 120)) : undefined,
    lastPositiveInteractionAt: r.chance(0.5) ? daysBefore(now, r.int(1, 1400)) : undefined,
  };
}
