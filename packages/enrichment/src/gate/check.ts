import type { Db } from "@isoloir/db";
import { policy as currentPolicy } from "@isoloir/policies";
import { type CompiledPolicy, classifierOf, type DecisionResult } from "@isoloir/policy";
import { loadContactsRows, projectFacts, validConsentSql } from "@isoloir/policy-db";
import { sql } from "drizzle-orm";
import type { Network } from "../providers/types";

export interface GateRef {
  orgId: string;
  contactId: string;
  provider: Network;
}

/**
 * Why a lookup may not run: the policy said no (its reasons say why), there is no live
 * social_enrichment consent to record the data under (invariant 6; the database refuses such rows),
 * or the contact is gone.
 */
export type Refusal = "policy" | "no_live_consent" | "contact_gone";

export interface GateResult {
  allowed: boolean;
  refusal: Refusal | null;
  decision: DecisionResult | null;
  /** the consent the data will be recorded under */
  consentId: string | null;
}

/** The id of contact c's live social_enrichment consent at `at` (valid under ORG-CONSENT-EVIDENCE), newest first. */
const liveConsentOfC = (at: Date) => sql`(select k.id::text from consents k
  where k.org_id = c.org_id and k.contact_id = c.id and k.scope = 'social_enrichment' and ${validConsentSql(at.getTime())}
  order by k.captured_at desc, k.id limit 1)`;

/**
 * The one enrichment decision: the policy engine's `enrich` verdict for this contact and provider on
 * fresh rows (switch, consent, suppression and every other rule are in it), plus the consent to attach
 * the data to. Taken before each provider call and again inside the transaction that writes the result.
 */
export async function checkGate(
  db: Db,
  ref: GateRef,
  at: Date,
  rules: CompiledPolicy = currentPolicy(),
): Promise<GateResult> {
  const [result] = await checkGates(db, [ref], at, rules);
  if (!result) throw new Error("checkGates returned no result for its one reference");
  return result;
}

const refused = (refusal: Refusal, decision: DecisionResult | null): GateResult => ({
  allowed: false,
  refusal,
  decision,
  consentId: null,
});

/**
 * `checkGate` for several contacts of one organisation at once, in their order: the same decision per
 * contact (`factsFor`'s projection of fresh rows, then the engine), on rows read in one statement with
 * each contact's live consent.
 */
export async function checkGates(
  db: Db,
  refs: readonly GateRef[],
  at: Date,
  rules: CompiledPolicy = currentPolicy(),
): Promise<GateResult[]> {
  const orgId = refs[0]?.orgId;
  if (!orgId) return [];
  if (refs.some((r) => r.orgId !== orgId))
    throw new Error("checkGates decides for one organisation at a time");
  const classOf = classifierOf(rules.rules);
  // factsFor's two halves: the rows, read once for every contact, then each contact's projection
  const loaded = await loadContactsRows(
    db,
    orgId,
    [...new Set(refs.map((r) => r.contactId))],
    liveConsentOfC(at),
  );
  return refs.map((ref) => {
    const rows = loaded.get(ref.contactId);
    const [projected] = rows
      ? projectFacts(rows, { type: "enrich", provider: ref.provider }, at, classOf)
      : [];
    if (!rows || !projected) return refused("contact_gone", null);
    const decision = rules.evaluate(projected.facts);
    if (decision.decision !== "allow") return refused("policy", decision);
    const consentId = rows.alongside as string | null;
    if (!consentId) return refused("no_live_consent", decision);
    return { allowed: true, refusal: null, decision, consentId };
  });
}
