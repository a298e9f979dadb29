import { countrySettings, type Db, elections, inSequence, organisations, processors } from "@isoloir/db";
import type { ControllerType, Processor } from "@isoloir/policy";
import { eq, type SQL, sql } from "drizzle-orm";
import { jurisdictionOf } from "../jurisdiction";
import type { SqlDecision } from "./compile-to-sql";
import type { OrgFacts } from "./scope";

export class OrganisationNotFoundError extends Error {
  constructor(readonly orgId: string) {
    super(`no organisation ${orgId}`);
  }
}

/** What a decision fixes about the organisation: jurisdiction, kind, switches, processors, elections. */
export async function loadOrgFacts(db: Db, orgId: string): Promise<OrgFacts> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  if (!org) throw new OrganisationNotFoundError(orgId);
  const [settings, processorRows, electionRows] = await inSequence([
    () => db.select().from(countrySettings).where(eq(countrySettings.orgId, orgId)),
    () => db.select().from(processors).where(eq(processors.orgId, orgId)),
    () => db.select().from(elections).where(eq(elections.orgId, orgId)),
  ]);
  return {
    orgId,
    jurisdiction: jurisdictionOf(org),
    controllerType: org.kind as ControllerType,
    enrichment: Object.fromEntries(settings.map((s) => [s.country, s.enrichmentEnabled])),
    processors: processorRows.map(
      (p): Processor => ({
        name: p.name,
        hostingRegion: p.hostingRegion,
        transferMechanism: p.transferMechanism,
        authorizedByController: p.authorised,
        art28ContractSigned: p.art28ContractSigned,
      }),
    ),
    elections: electionRows,
  };
}

export interface DecidedRow {
  contactId: string;
  /** set for import/retain, decided per provenance row */
  provenanceId: string | null;
  decision: "allow" | "deny" | "escalate";
}

/** An extra condition on the decided rows (c, p): a list, a search — it narrows, never decides. */
const narrow = (filter: SQL | undefined): SQL => (filter ? sql` and (${filter})` : sql``);

const rowsOfResult = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

/** Every row's decision, computed in the database. */
export async function decideRows(db: Db, d: SqlDecision, filter?: SQL): Promise<DecidedRow[]> {
  const provenanceId = d.level === "provenance" ? sql`p.id::text` : sql`null::text`;
  const result = await db.execute(sql`select c.id::text as contact_id, ${provenanceId} as provenance_id,
      case when ${d.deny} then 'deny' when ${d.escalate} then 'escalate' else 'allow' end as decision
    from ${d.rows}${narrow(filter)}`);
  return rowsOfResult(result).map((r) => ({
    contactId: String(r.contact_id),
    provenanceId: r.provenance_id === null ? null : String(r.provenance_id),
    decision: r.decision as DecidedRow["decision"],
  }));
}

export interface ExclusionCounts {
  total: number;
  allowed: number;
  escalated: number;
  /** rule id → rows that rule denies (a row denied by several rules counts under each) */
  deniedBy: Record<string, number>;
}

/** How many rows are allowed, and why the others are not, per rule id, in one scan. */
export async function countExclusions(db: Db, d: SqlDecision, filter?: SQL): Promise<ExclusionCounts> {
  const perRule = d.denyReasons.map(
    (r, i) => sql`, count(*) filter (where ${r.when})::int as ${sql.raw(`r${i}`)}`,
  );
  const result = await db.execute(sql`select count(*)::int as total,
      count(*) filter (where ${d.allow})::int as allowed,
      count(*) filter (where ${d.escalate})::int as escalated${sql.join(perRule, sql``)}
    from ${d.rows}${narrow(filter)}`);
  const row = rowsOfResult(result)[0] ?? {};
  const deniedBy: Record<string, number> = {};
  d.denyReasons.forEach((r, i) => {
    const n = Number(row[`r${i}`] ?? 0);
    if (n > 0) deniedBy[r.ruleId] = n;
  });
  return {
    total: Number(row.total ?? 0),
    allowed: Number(row.allowed ?? 0),
    escalated: Number(row.escalated ?? 0),
    deniedBy,
  };
}
