import {
  type CedarValueJson,
  type Context,
  preparsePolicySet,
  type StatefulAuthorizationCall,
  statefulIsAuthorized,
} from "@cedar-policy/cedar-wasm/nodejs";
import {
  type Consent,
  dayNumber,
  type EngineFacts,
  localInstant,
  scopeOfChannel,
  zoneOf,
} from "@isoloir/policy";
import { cedarPolicies, escalatePolicyId } from "./cedar-policies";
import type { Verdict } from "./hand-written";

// Facts → a Cedar request, and Cedar's answer → a verdict. All of it runs inside the timed Cedar path.
//
// What is precomputed here rather than written in the policies, and why:
// - eveBlackout: the L.49 window is 00:00 on the eve of a round to 20:00 on its day in Paris time;
//   Cedar has no time zones (nor day arithmetic on calendar days), so the window test is done here
//   with the engine's exported calendar helpers (dayNumber, localInstant).
// - per consent, capturedByNow / withdrawnByNow / hasEvidence: Cedar cannot quantify over a set
//   ("some consent is valid"), only test membership of whole values, so each consent becomes a record
//   of booleans and the policies test membership of the valid combinations. The comparisons with
//   `now` and the blank-evidence test (a trim) are the only work done here; which combinations count
//   as valid (ORG-CONSENT-EVIDENCE) stays in the policies.
// - recordedScopes: the projection of the consents' scopes, for the same reason.
// - actionScope: the consent scope the channel needs, a table lookup (scopeOfChannel).
// The objection's date is compared in Cedar (datetime extension), the class derivation, counters,
// ages and every rule condition are in the policies.

const POLICY_SET = "isoloir-email-subset";
const principal = { type: "Campaign", id: "campaign" };
const contactAction = { type: "Action", id: "contact" };
const resource = { type: "Contact", id: "contact" };

/** Parses the policies into Cedar's cache once; throws if Cedar rejects them. */
export function prepareCedar(): void {
  const answer = preparsePolicySet(POLICY_SET, { staticPolicies: { ...cedarPolicies } });
  if (answer.type !== "success") {
    throw new Error(`Cedar rejects the policies: ${answer.errors.map((e) => e.message).join("; ")}`);
  }
}

const datetime = (ms: number): CedarValueJson => ({
  __extn: { fn: "datetime", arg: new Date(ms).toISOString() },
});

function consentRecord(c: Consent, now: number): CedarValueJson {
  return {
    scope: c.scope,
    mechanism: c.mechanism,
    hasEvidence: c.evidenceRef !== undefined && c.evidenceRef.trim() !== "",
    bundled: c.bundled === true,
    capturedByNow: Date.parse(c.capturedAt) <= now,
    withdrawnByNow: c.withdrawnAt !== undefined && c.withdrawnAt !== null && Date.parse(c.withdrawnAt) <= now,
  };
}

/** From 00:00 on the eve of a round until 20:00 on its day, in the jurisdiction's zone. */
function eveBlackout(f: EngineFacts, now: number): boolean {
  const zone = zoneOf[f.jurisdiction];
  for (const round of f.election?.rounds ?? []) {
    const day = dayNumber(round);
    if (now >= localInstant(zone, day - 1, 0) && now < localInstant(zone, day, 20 * 60)) return true;
  }
  return false;
}

/** The Cedar request for one contact decision. */
export function cedarRequest(f: EngineFacts): StatefulAuthorizationCall {
  const { contact, action } = f;
  if (action.type !== "contact") throw new RangeError("the Cedar policies decide contact actions only");
  const now = Date.parse(f.at);
  const attrs: Record<string, CedarValueJson> = {
    source: contact.source,
    suppressed: contact.suppressed ?? false,
    messagesSent: contact.messagesSent ?? 0,
    consentRequestsSent: contact.consentRequestsSent ?? 0,
  };
  if (contact.class !== undefined) attrs.class = contact.class;
  if (contact.ageYears !== undefined) attrs.ageYears = contact.ageYears;
  const consents = contact.consents ?? [];
  const context: Context = {
    jurisdiction: f.jurisdiction,
    channel: action.channel,
    messageKind: action.messageKind,
    actionScope: scopeOfChannel[action.channel] ?? "",
    now: datetime(now),
    consents: consents.map((c) => consentRecord(c, now)),
    recordedScopes: consents.map((c) => c.scope),
    eveBlackout: eveBlackout(f, now),
  };
  if (f.message?.recipientsHidden !== undefined) context.recipientsHidden = f.message.recipientsHidden;
  const objection = contact.objection;
  if (objection !== undefined) {
    const { scope } = objection;
    context.objection = {
      at: datetime(Date.parse(objection.at)),
      scope: Array.isArray(scope) ? scope : [scope],
    };
  }
  return {
    principal,
    action: contactAction,
    resource,
    context,
    entities: [{ uid: resource, attrs, parents: [] }],
    preparsedPolicySetId: POLICY_SET,
  };
}

/** Cedar's decision for one contact: deny, an allow held by the escalation permit, or allow. */
export function cedarDecide(f: EngineFacts): Verdict {
  const answer = statefulIsAuthorized(cedarRequest(f));
  if (answer.type !== "success") {
    throw new Error(`Cedar failed: ${answer.errors.map((e) => e.message).join("; ")}`);
  }
  const { decision, diagnostics } = answer.response;
  if (diagnostics.errors.length > 0) {
    const first = diagnostics.errors[0];
    throw new Error(`Cedar policy ${first?.policyId} errored: ${first?.error.message}`);
  }
  if (decision === "deny") return "deny";
  return diagnostics.reason.includes(escalatePolicyId) ? "escalate" : "allow";
}
