import type { Db } from "@isoloir/db";
import { policy as currentPolicy } from "@isoloir/policies";
import { type CompiledPolicy, classifierOf, type DecisionResult, type EngineFacts } from "@isoloir/policy";
import { factsFor, validConsentSql } from "@isoloir/policy-db";
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

/** The live social_enrichment consent of a contact at `at` (valid under ORG-CONSENT-EVIDENCE), newest first. */
export async function liveEnrichmentConsent(db: Db, ref: GateRef, at: Date): Promise<string | null> {
  const result = await db.execute(sql`select k.id::text as id from consents k
    where k.org_id = ${ref.orgId}::uuid and k.contact_id = ${ref.contactId}::uuid
      and k.scope = 'social_enrichment' and ${validConsentSql(at.getTime())}
    order by k.captured_at desc, k.id limit 1`);
  const row = (result as unknown as { rows: { id: string }[] }).rows[0];
  return row?.id ?? null;
}

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
  const classOf = classifierOf(rules.rules);
  const [projected] = await factsFor(db, ref, { type: "enrich", provider: ref.provider }, at, classOf);
  if (!projected) return { allowed: false, refusal: "contact_gone", decision: null, consentId: null };
  const decision = rules.evaluate(projected.facts as unknown as EngineFacts);
  if (decision.decision !== "allow") return { allowed: false, refusal: "policy", decision, consentId: null };
  const consentId = await liveEnrichmentConsent(db, ref, at);
  if (!consentId) return { allowed: false, refusal: "no_live_consent", decision, consentId: null };
  return { allowed: true, refusal: null, decision, consentId };
}
