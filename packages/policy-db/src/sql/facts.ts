import type { InstantFact, ListFact, PresenceFact, ScalarFact } from "@isoloir/policy";
import { type SQL, sql } from "drizzle-orm";
import { actionScope, classSql, countrySql, ofContact, type Scope } from "./scope";
import { type Cond, column, type Inst, known, knownInst, sqlInst, textList, type Val } from "./terms";

// How each fact of the engine reads in SQL over the database projection (docs/facts.md): c = the
// contact, p = the provenance row (the strongest one, or the row decided), e = that row's election for
// import/retain. Facts a stored contact cannot carry take the case format's defaults
// (docs/policy-cases.md, "Facts a case cannot state").

const electionField = (s: Scope, pick: (e: NonNullable<Scope["election"]>) => unknown, perRow: Val): Val =>
  s.perRow ? perRow : known(s.election ? pick(s.election) : undefined);

function processorOf(s: Scope) {
  const { action } = s;
  return action.type === "transfer" ? s.org.processors.find((p) => p.name === action.processor) : undefined;
}

/** A suppression record (alias `x`) is the contact's: one of its stored identifier HMACs equals the record's. */
export const suppressionOfContact = (x: SQL): SQL =>
  sql`((${x}.kind = 'email' and ${x}.hmac = c.email_hmac) or (${x}.kind = 'phone' and ${x}.hmac = c.phone_hmac)
    or (${x}.kind = 'identity' and ${x}.hmac = c.identity_hmac))`;

/** `suppressed`: a record of scope `all` is the contact's. */
const suppressedSql = sql`exists (select 1 from suppressions sup where sup.org_id = c.org_id and sup.all_channels
  and ${suppressionOfContact(sql`sup`)})`;

/**
 * The rows the contact's `objection` folds (alias `o`: all_channels, channels, at): its own objections,
 * and every suppression record scoped to channels that is the contact's.
 */
export const contactObjections = sql`(select o0.all_channels, o0.channels, o0.at from objections o0
    where o0.org_id = c.org_id and o0.contact_id = c.id
  union all
  select false, sup.channels, sup.at from suppressions sup where sup.org_id = c.org_id and not sup.all_channels
    and cardinality(sup.channels) > 0 and ${suppressionOfContact(sql`sup`)}) o`;

const vendorDisclosed = sql`p.vendor_political_reuse_disclosed`;

export const scalarFacts: { [K in ScalarFact]: (s: Scope) => Val } = {
  jurisdiction: (s) => known(s.org.jurisdiction),
  "controller.type": (s) => known(s.org.controllerType),
  purpose: (s) => known(s.org.controllerType === "company" ? "commercial" : "political_communication"),
  "contact.source": () => column(sql`p.source::text`, "text"),
  "contact.class": (s) => column(classSql(s), "text"),
  "contact.country": (s) => column(countrySql(s), "text"),
  "contact.ageYears": (s) =>
    column(sql`(${new Date(s.atMs).getUTCFullYear()}::int - c.birth_year - 1)`, "int"),
  "contact.suppressed": () => column(suppressedSql, "bool"),
  "contact.messagesSent": () => column(sql`c.messages_sent`, "int"),
  "contact.consentRequestsSent": () => column(sql`c.consent_requests_sent`, "int"),
  "contact.vendorAttestation.politicalReuseDisclosed": () => column(vendorDisclosed, "bool"),
  "contact.vendorAttestation.optOutOffered": () =>
    column(
      sql`(case when ${vendorDisclosed} is null then null else coalesce(p.vendor_opt_out_offered, false) end)`,
      "bool",
    ),
  "action.type": (s) => known(s.action.type),
  // each action field is its own action type's; absent for the others
  "action.channel": ({ action: a }) => known(a.type === "contact" ? a.channel : undefined),
  "action.messageKind": ({ action: a }) => known(a.type === "contact" ? a.messageKind : undefined),
  "action.provider": ({ action: a }) => known(a.type === "enrich" ? a.provider : undefined),
  "action.category": ({ action: a }) => known(a.type === "record" ? a.category : undefined),
  "action.targetPurpose": () => known(undefined),
  "action.toThirdParty": () => known(undefined),
  "processor.hostingRegion": (s) => known(processorOf(s)?.hostingRegion),
  "processor.transferMechanism": (s) => known(processorOf(s)?.transferMechanism),
  "processor.authorizedByController": (s) => known(processorOf(s)?.authorizedByController),
  "processor.art28ContractSigned": (s) => known(processorOf(s)?.art28ContractSigned),
  "election.type": (s) => electionField(s, (e) => e.type, column(sql`e.type`, "text")),
  "election.litigationWindowDays": (s) =>
    electionField(s, (e) => e.litigationWindowDays, column(sql`e.litigation_window_days`, "int")),
  "election.roundCount": (s) =>
    s.perRow ? column(sql`coalesce(cardinality(e.rounds), 0)`, "int") : known(s.election?.rounds.length ?? 0),
  processingRecordEntry: () => known(true),
  "notice.complete": () => known(true),
  "notice.published": () => known(true),
  dpiaDone: () => known(true),
  "actor.role": () => known("staff"),
  "actor.assigned": () => known(true),
  "phone.mobile": () => known(true),
  "phone.doNotCall": () => known(false),
  "phone.tps": () => known(false),
  "phone.insideTimeSlot": () => known(true),
  "message.includesSenderIdentity": () => known(undefined),
  "message.includesDataOrigin": () => known(undefined),
  "message.includesOptOut": () => known(undefined),
  "message.includesNoticeLink": () => known(undefined),
  "message.recipientsHidden": () => known(undefined),
  paidBoost: () => known(false),
};

export const instantFacts: { [K in InstantFact]: (s: Scope) => Inst } = {
  at: (s) => knownInst(s.atMs),
  "contact.collectedAt": () => sqlInst(sql`p.collected_at`),
  "contact.lastMessageAt": () => sqlInst(sql`c.last_message_at`),
  "contact.lastPositiveInteractionAt": () => sqlInst(sql`c.last_positive_interaction_at`),
  "contact.objection.at": () => sqlInst(sql`(select min(o.at) from ${contactObjections})`),
};

/** The contact's data categories: the decided row's for import/retain, else every row's. */
export function hasCategory(s: Scope, fact: ListFact, values: readonly string[]): Cond {
  if (fact === "audience.selectors" || values.length === 0) return false;
  const wanted = sql`array[${sql.join(
    values.map((v) => sql`${v}::text`),
    sql`, `,
  )}]`;
  if (s.perRow) return sql`coalesce(p.data_categories && ${wanted}, false)`;
  return sql`exists (select 1 from ${ofContact(sql`provenance`, sql`p2`)} and p2.data_categories && ${wanted})`;
}

function listPresent(s: Scope, fact: ListFact): Cond {
  if (fact === "audience.selectors") return false;
  if (s.perRow) return sql`coalesce(cardinality(p.data_categories) > 0, false)`;
  return sql`exists (select 1 from ${ofContact(sql`provenance`, sql`p2`)} and cardinality(p2.data_categories) > 0)`;
}

const isListFact = (f: PresenceFact): f is ListFact =>
  f === "contact.dataCategories" || f === "audience.selectors";
const isInstantFact = (f: PresenceFact): f is InstantFact => f in instantFacts;

/** Whether a fact is present: the `exists` node. */
export function presence(s: Scope, fact: PresenceFact): Cond {
  if (fact === "election") return s.perRow ? sql`(e.id is not null)` : s.election !== undefined;
  if (fact === "election.resultsProclaimedAt") {
    return s.perRow ? sql`(e.results_proclaimed_at is not null)` : Boolean(s.election?.resultsProclaimedAt);
  }
  if (fact === "contact.vendorAttestation") return sql`(${vendorDisclosed} is not null)`;
  if (fact === "contact.objection") return sql`exists (select 1 from ${contactObjections})`;
  if (isListFact(fact)) return listPresent(s, fact);
  if (isInstantFact(fact)) {
    const v = instantFacts[fact](s);
    return v.known ? v.ms !== undefined : sql`(${v.sql} is not null)`;
  }
  const v = scalarFacts[fact](s);
  return v.known ? v.value !== undefined : sql`(${v.sql} is not null)`;
}

export { actionScope, textList };
