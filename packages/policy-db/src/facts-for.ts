import type { Db, SourceKind } from "@isoloir/db";
import type { CaseAction, Facts } from "@isoloir/policy";
import { jurisdictionOf } from "./jurisdiction";
import { type ContactRows, loadContactRows } from "./load-contacts";
import {
  type ContactClass,
  type ElectionRow,
  foldObjections,
  nextElection,
  scopedObjections,
  strongestRow,
  youngestAge,
  zoneOf,
} from "./projection";

/** The action asked about, as in the case format (the engine's `CaseAction`). */
export type FactsAction = CaseAction;

/** One decision's facts, the engine's `Facts`; `provenanceId` says which row an import/retain is about. */
export interface ProjectedFacts {
  provenanceId?: string;
  facts: Facts;
}

type ProvenanceRow = ContactRows["origins"][number];

function electionFacts(election: ElectionRow | undefined): Facts["election"] {
  if (!election) return undefined;
  return {
    type: election.type,
    rounds: election.rounds,
    ...(election.resultsProclaimedAt ? { resultsProclaimedAt: election.resultsProclaimedAt } : {}),
    litigationWindowDays: election.litigationWindowDays,
  };
}

function contactFacts(rows: ContactRows, origin: ProvenanceRow, at: Date, perRow: boolean): Facts["contact"] {
  const { contact } = rows;
  const age = youngestAge(contact.birthYear, at);
  // a suppression record scoped to channels is an objection the person made before
  const objection = foldObjections([...rows.objectionRows, ...scopedObjections(rows)]);
  const categories = perRow
    ? origin.dataCategories
    : [...new Set(rows.origins.flatMap((o) => o.dataCategories))];
  const vendor =
    origin.vendorPoliticalReuseDisclosed === null
      ? undefined
      : {
          politicalReuseDisclosed: origin.vendorPoliticalReuseDisclosed,
          optOutOffered: origin.vendorOptOutOffered ?? false,
        };
  return {
    source: origin.source,
    ...(contact.country ? { country: contact.country } : {}),
    ...(age !== undefined ? { ageYears: age } : {}),
    consents: rows.ledger.map((c) => ({
      scope: c.scope,
      mechanism: c.mechanism,
      capturedAt: c.capturedAt.toISOString(),
      withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
      ...(c.evidenceRef ? { evidenceRef: c.evidenceRef } : {}),
      bundled: c.bundled,
    })),
    ...(objection ? { objection } : {}),
    suppressed: rows.suppressed,
    ...(vendor ? { vendorAttestation: vendor } : {}),
    dataCategories: categories,
    messagesSent: contact.messagesSent,
    consentRequestsSent: contact.consentRequestsSent,
    collectedAt: origin.collectedAt.toISOString(),
    lastMessageAt: contact.lastMessageAt?.toISOString() ?? null,
    lastPositiveInteractionAt: contact.lastPositiveInteractionAt?.toISOString() ?? null,
  };
}

function organisationFacts(
  rows: ContactRows,
): Pick<Facts, "jurisdiction" | "controller" | "settings" | "processors"> {
  const enrichment = Object.fromEntries(rows.settings.map((s) => [s.country, s.enrichmentEnabled]));
  return {
    jurisdiction: jurisdictionOf(rows.org),
    controller: { type: rows.org.kind },
    settings: { enrichment },
    processors: rows.processorRows.map((p) => ({
      name: p.name,
      hostingRegion: p.hostingRegion,
      transferMechanism: p.transferMechanism,
      authorizedByController: p.authorised,
      art28ContractSigned: p.art28ContractSigned,
    })),
  };
}

/**
 * Projects a stored contact onto the policy facts, exactly as compileToSql does in SQL: `import` and
 * `retain` once per provenance row (with that row's election), every other action once per contact,
 * from its provenance row of the strongest class and the organisation's next open election.
 */
export async function factsFor(
  db: Db,
  ref: { orgId: string; contactId: string },
  action: FactsAction,
  at: Date,
  classOf: (source: SourceKind) => ContactClass,
): Promise<ProjectedFacts[]> {
  const rows = await loadContactRows(db, ref.orgId, ref.contactId);
  return rows ? projectFacts(rows, action, at, classOf) : [];
}

/** The pure half of `factsFor`: loaded rows → the decisions' facts. */
export function projectFacts(
  rows: ContactRows,
  action: FactsAction,
  at: Date,
  classOf: (source: SourceKind) => ContactClass,
): ProjectedFacts[] {
  const base = { at: at.toISOString(), ...organisationFacts(rows), action };
  const zone = zoneOf[base.jurisdiction];
  if (action.type === "import" || action.type === "retain") {
    return rows.origins.map((origin) => {
      const election = rows.electionRows.find((e) => e.id === origin.electionId);
      return {
        provenanceId: origin.id,
        facts: withElection(base, election, contactFacts(rows, origin, at, true)),
      };
    });
  }
  const origin = strongestRow(rows.origins, classOf);
  if (!origin) return [];
  const election = nextElection(rows.electionRows, at, zone);
  return [{ facts: withElection(base, election, contactFacts(rows, origin, at, false)) }];
}

function withElection(
  base: Omit<Facts, "contact" | "election">,
  election: ElectionRow | undefined,
  contact: Facts["contact"],
): Facts {
  const electionFact = electionFacts(election);
  return { ...base, ...(electionFact ? { election: electionFact } : {}), contact };
}
