import { type ConsentMechanism, invalidMechanisms } from "@isoloir/ui";

export type InvalidReason = "pre_ticked" | "none" | "bundled" | "no_evidence";
export type ConsentStatus =
  | { kind: "valid" }
  | { kind: "withdrawn" }
  | { kind: "invalid"; reasons: InvalidReason[] };

interface LedgerRow {
  mechanism: ConsentMechanism;
  withdrawnAt: Date | string | null;
  evidenceRef: string | null;
  bundled: boolean;
}

/**
 * How a ledger row reads: withdrawn first (it no longer counts whatever it was), then the reasons
 * it never counted — no positive act (pre-ticked box, no mechanism), bundled with other purposes,
 * or no evidence to show. The policy engine decides for real; this only marks rows for the eye.
 */
export function consentStatus(row: LedgerRow): ConsentStatus {
  if (row.withdrawnAt) return { kind: "withdrawn" };
  const reasons: InvalidReason[] = [];
  if (invalidMechanisms.includes(row.mechanism))
    reasons.push(row.mechanism === "none" ? "none" : "pre_ticked");
  if (row.bundled) reasons.push("bundled");
  if (!row.evidenceRef) reasons.push("no_evidence");
  return reasons.length ? { kind: "invalid", reasons } : { kind: "valid" };
}
