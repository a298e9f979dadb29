import { type Db, inSequence } from "@isoloir/db";
import { type CompiledPolicy, classifierOf } from "@isoloir/policy";
import { type FactsAction, projectFacts } from "../facts-for";
import { loadOrgContactRows } from "../load";
import type { Translators } from "./compile-node";
import { compileToSql } from "./compile-to-sql";
import { countExclusions, decideRows, loadOrgFacts } from "./queries";

export interface Disagreement {
  at: string;
  action: FactsAction;
  key: string;
  memory: string | undefined;
  sql: string | undefined;
  facts?: unknown;
}

export interface Comparison {
  decisions: number;
  counts: Record<"allow" | "deny" | "escalate", number>;
  /** rule id → rows it denied, over every instant and action */
  deniedBy: Record<string, number>;
  disagreements: Disagreement[];
}

/**
 * Decides every stored row of an organisation twice — in memory (projection + engine) and in SQL
 * (compileToSql) — for each instant × action, and lists where they differ, deny reasons included.
 */
export async function compareOrganisation(
  db: Db,
  policy: CompiledPolicy,
  orgId: string,
  ats: Date[],
  actions: FactsAction[],
  translators?: Translators,
): Promise<Comparison> {
  const [org, people] = await inSequence([
    () => loadOrgFacts(db, orgId),
    () => loadOrgContactRows(db, orgId),
  ]);
  const classOf = classifierOf(policy.rules);
  const out: Comparison = {
    decisions: 0,
    counts: { allow: 0, deny: 0, escalate: 0 },
    deniedBy: {},
    disagreements: [],
  };
  for (const at of ats) {
    for (const action of actions) {
      const decision = compileToSql(policy, { org, action, at }, { translators });
      const inSql = new Map(
        (await decideRows(db, decision)).map((r) => [`${r.contactId}/${r.provenanceId ?? ""}`, r.decision]),
      );
      const denied: Record<string, number> = {};
      const facts = new Map<string, unknown>();
      const inMemory = new Map<string, string>();
      for (const rows of people) {
        for (const projected of projectFacts(rows, action, at, classOf)) {
          const key = `${rows.contact.id}/${projected.provenanceId ?? ""}`;
          const result = policy.evaluate(projected.facts);
          inMemory.set(key, result.decision);
          facts.set(key, projected.facts);
          out.counts[result.decision] += 1;
          if (result.decision === "deny")
            for (const r of result.reasons) denied[r.ruleId] = (denied[r.ruleId] ?? 0) + 1;
        }
      }
      out.decisions += inMemory.size;
      const record = (key: string, memory: string | undefined, inDb: string | undefined) =>
        out.disagreements.push({
          at: at.toISOString(),
          action,
          key,
          memory,
          sql: inDb,
          facts: facts.get(key),
        });
      for (const [key, memory] of inMemory)
        if (inSql.get(key) !== memory) record(key, memory, inSql.get(key));
      for (const [key, inDb] of inSql) if (!inMemory.has(key)) record(key, undefined, inDb);
      const counts = await countExclusions(db, decision);
      for (const [ruleId, n] of Object.entries(denied))
        out.deniedBy[ruleId] = (out.deniedBy[ruleId] ?? 0) + n;
      for (const ruleId of new Set([...Object.keys(denied), ...Object.keys(counts.deniedBy)])) {
        if ((denied[ruleId] ?? 0) !== (counts.deniedBy[ruleId] ?? 0)) {
          record(
            `deny count of ${ruleId}`,
            String(denied[ruleId] ?? 0),
            String(counts.deniedBy[ruleId] ?? 0),
          );
        }
      }
    }
  }
  return out;
}
