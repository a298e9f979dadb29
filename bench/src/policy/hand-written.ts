import type { Consent, EngineFacts } from "@isoloir/policy";

// The baseline: the eight rules of the email subset as one straight-line function, written by hand
// for FR email contacts (jurisdiction FR, a contact living in France, action contact/email). It gives
// the decision only, no reasons or obligations. Deny wins, then escalate, then allow (the engine's
// default when no rule denies). Each check names the rule and clause it stands for. It is one long
// function on purpose, past the 40-line habit: the baseline is what straight-line code costs.

export type Verdict = "allow" | "deny" | "escalate";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** FR-CNIL-CLASS-DEFINITIONS: the class of a record that states none (every other source: prospect). */
const classOfSource: Readonly<Record<string, string>> = {
  membership: "member",
  newsletter_signup: "regular_contact",
  direct_form: "regular_contact",
  donation: "regular_contact",
  social_follow_or_friend: "regular_contact",
  event_signup: "occasional_contact",
  petition: "occasional_contact",
  candidacy_sponsorship: "occasional_contact",
  primary_participation: "occasional_contact",
  door_to_door: "occasional_contact",
  social_interaction: "occasional_contact",
};

/** The decision of the email subset for one FR email contact. */
export function decideEmailContact(f: EngineFacts): Verdict {
  const { contact, action } = f;
  if (action.type !== "contact" || action.channel !== "email" || f.jurisdiction !== "FR") {
    throw new RangeError("decideEmailContact decides FR email contacts only");
  }
  // FR-CNIL-OBJECTION-SUPPRESSION-ACROSS-ELECTIONS
  if (contact.suppressed === true) return "deny";
  const at = isoMs(f.at);
  // EU-GDPR-ART21-OBJECTION: an objection in force that covers email
  const objection = contact.objection;
  if (objection !== undefined && isoMs(objection.at) <= at) {
    const scope = objection.scope;
    if (scope === "all" || scope === "email" || (Array.isArray(scope) && scope.includes("email")))
      return "deny";
  }
  // ORG-CONSENT-EVIDENCE: only a provable, freely given, current consent counts
  let recorded = false;
  let valid = false;
  let parental = false;
  const consents = contact.consents;
  if (consents !== undefined) {
    for (let i = 0; i < consents.length; i++) {
      const c = consents[i] as Consent;
      if (c.scope !== "political_email") continue;
      recorded = true;
      if (isValid(c, at)) {
        valid = true;
        if (c.mechanism === "parental_joint") parental = true;
      }
    }
  }
  const age = contact.ageYears;
  // FR-LIL-ART45-MINORS (under 15): a consent-based contact needs a joint parental consent
  if (age !== undefined && age < 15 && valid && !parental) return "deny";
  const blackout = f.election !== undefined && inEveBlackout(f.election.rounds, at);
  const kind = action.messageKind;
  // FR-CE-L49-EVE-BLACKOUT: a service message in the blackout goes to a human
  if (kind === "service") return blackout ? "escalate" : "allow";
  // from here on a campaign message: political or consent_request
  if (blackout) return "deny"; // FR-CE-L49-EVE-BLACKOUT
  const source = contact.source;
  const cls = contact.class ?? classOfSource[source] ?? "prospect";
  const member = cls === "member";
  const regular = member || cls === "regular_contact";
  // FR-LIL-ART45-MINORS (under 18): no prospection of non-members
  if (age !== undefined && age < 18 && !member) return "deny";
  const requests = contact.consentRequestsSent ?? 0;
  const nothingSent = (contact.messagesSent ?? 0) === 0 && requests === 0;
  const political = kind === "political";
  const referral = source === "referral_tell_a_friend";
  const occasional =
    cls === "occasional_contact" || (source === "social_interaction" && !regular && cls !== "former_member");
  // FR-CNIL-SOCIAL-OCCASIONAL: no political message without consent; one consent request in all
  if (occasional && (political ? !valid : requests >= 1)) return "deny";
  // FR-CNIL-REFERRAL-SINGLE-MESSAGE: one message, then only with consent
  if (referral && !nothingSent && !valid) return "deny";
  // FR-CNIL-EMAIL-OPTIN: members, regular contacts or consent — save the single-message exceptions
  const rented = source === "rented_or_bought_commercial_file" || source === "data_broker";
  const exception = (referral && nothingSent) || (!political && requests === 0 && (occasional || rented));
  if (!regular && !valid && !exception) return "deny";
  if (f.message?.recipientsHidden === false) return "deny";
  // ORG-CONSENT-EVIDENCE: a political email resting on an invalid consent (subsumed by the opt-in above)
  if (political && recorded && !valid && !regular && !(referral && nothingSent)) return "deny";
  return "allow";
}

function isValid(c: Consent, at: number): boolean {
  if (c.evidenceRef === undefined || c.evidenceRef.trim() === "") return false;
  if (c.mechanism === "pre_ticked" || c.mechanism === "none" || c.bundled === true) return false;
  if (isoMs(c.capturedAt) > at) return false;
  return c.withdrawnAt === undefined || c.withdrawnAt === null || isoMs(c.withdrawnAt) > at;
}

/** From 00:00 on the eve of a round until 20:00 on its day, Paris time. */
function inEveBlackout(rounds: readonly string[], at: number): boolean {
  for (let i = 0; i < rounds.length; i++) {
    const round = rounds[i] as string;
    const year = digits(round, 0, 4);
    const day = civilDay(year, digits(round, 5, 2), digits(round, 8, 2));
    if (at >= parisInstant(year, day - 1, 0) && at < parisInstant(year, day, 20 * 60)) return true;
  }
  return false;
}

/**
 * A Paris wall-clock time as an instant. Summer time (UTC+2) runs from 02:00 local on the last Sunday
 * of March to 03:00 local on the last Sunday of October; 00:00 and 20:00 never fall in a change.
 */
function parisInstant(year: number, day: number, minutes: number): number {
  const wall = day * DAY + minutes * 60_000;
  const march31 = civilDay(year, 3, 31);
  const october31 = civilDay(year, 10, 31);
  const summerFrom = (march31 - ((march31 + 4) % 7)) * DAY + 2 * HOUR;
  const summerUntil = (october31 - ((october31 + 4) % 7)) * DAY + 3 * HOUR;
  return wall - (wall >= summerFrom && wall < summerUntil ? 2 * HOUR : HOUR);
}

/** `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` → epoch ms; any other shape goes to Date.parse. */
function isoMs(s: string): number {
  const n = s.length;
  const z = s.charCodeAt(n - 1) === 90;
  if (n < 20 || s.charCodeAt(10) !== 84 || (!z && s.charCodeAt(n - 3) !== 58)) return Date.parse(s);
  let ms = 0;
  if (s.charCodeAt(19) === 46) {
    const end = z ? n - 1 : n - 6;
    for (let i = 20; i < 23; i++) ms = ms * 10 + (i < end ? s.charCodeAt(i) - 48 : 0);
  }
  const offset = z
    ? 0
    : (s.charCodeAt(n - 6) === 45 ? -1 : 1) * (digits(s, n - 5, 2) * 60 + digits(s, n - 2, 2));
  const day = civilDay(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
  const time = digits(s, 11, 2) * HOUR + digits(s, 14, 2) * 60_000 + digits(s, 17, 2) * 1000;
  return day * DAY + time + ms - offset * 60_000;
}

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
function civilDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = (((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) | 0) + d - 1;
  return era * 146097 + yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy - 719468;
}
