// The email subset as Cedar policies, one per rule clause, id "<rule id>/<clause>". Cedar denies when
// a forbid holds and otherwise allows when a permit holds; the engine allows what no rule denies, so a
// catch-all permit stands for that default. The engine's escalate is the permit annotated
// @escalate: an "allow" whose determining policies include it is an escalation (see cedar.ts).
//
// The request (built per decision by cedar.ts, inside the timed path):
//   principal Campaign::"campaign", action Action::"contact", resource Contact::"contact" with the
//   contact's attributes as stated: source, class (only when stated), ageYears (only when stated),
//   suppressed, messagesSent, consentRequestsSent (the engine's defaults: false, 0, 0).
//   context: jurisdiction, channel, messageKind, recipientsHidden (only when stated), now (datetime),
//   objection {at: datetime, scope: set of "all" or channels} (only when on record), and what Cedar
//   cannot compute itself — see cedar.ts for why each is precomputed:
//     actionScope    the consent scope the channel needs (the vocabulary's scopeOfChannel table);
//     consents       one record per consent on record: scope, mechanism, hasEvidence, bundled,
//                    capturedByNow, withdrawnByNow;
//     recordedScopes the scopes of the consents on record;
//     eveBlackout    `now` lies between 00:00 on the eve of a round and 20:00 on its day, Paris time.
//
// The policies cover decisions in jurisdiction FR about contacts living in France (the benchmark's
// facts): of "the action rests on consent" (policies/src/consent-needed.ts) only the French
// email/SMS/DM branch is written out; its UK, German, US, call and ad branches are left out.

const MEMBER_SOURCES = `["membership"]`;
const REGULAR_SOURCES = `["membership", "newsletter_signup", "direct_form", "donation", "social_follow_or_friend"]`;
const OCCASIONAL_SOURCES = `["event_signup", "petition", "candidacy_sponsorship", "primary_participation", "door_to_door", "social_interaction"]`;

// FR-CNIL-CLASS-DEFINITIONS: the stated class, or the one the source derives
const IS_MEMBER = `(if resource has class then resource.class == "member" else ${MEMBER_SOURCES}.contains(resource.source))`;
const IS_REGULAR = `(if resource has class then ["member", "regular_contact"].contains(resource.class) else ${REGULAR_SOURCES}.contains(resource.source))`;
const IS_OCCASIONAL = `(if resource has class
    then resource.class == "occasional_contact" ||
      (resource.source == "social_interaction" && !["member", "former_member", "regular_contact"].contains(resource.class))
    else ${OCCASIONAL_SOURCES}.contains(resource.source))`;

// ORG-CONSENT-EVIDENCE: a valid consent has evidence, a positive act, no bundling, was captured by now and not withdrawn by then
const validWith = (mechanism: string) =>
  `{scope: context.actionScope, mechanism: "${mechanism}", hasEvidence: true, bundled: false, capturedByNow: true, withdrawnByNow: false}`;
const VALID = `context.consents.containsAny([${["unticked_checkbox", "double_opt_in", "verbal_recorded", "parental_joint"].map(validWith).join(", ")}])`;
const VALID_PARENTAL = `context.consents.contains(${validWith("parental_joint")})`;

const CAMPAIGN = `["political", "consent_request"].contains(context.messageKind)`;
const NOTHING_SENT = `(resource.messagesSent == 0 && resource.consentRequestsSent == 0)`;
const RENTED = `["rented_or_bought_commercial_file", "data_broker"].contains(resource.source)`;
const CONSENT_CHANNELS = `["email", "sms", "social_dm", "automated_call", "live_call"]`;
const MESSAGE_CHANNELS = `["email", "sms", "automated_call", "live_call", "postal_addressed", "social_dm"]`;
const ELECTRONIC = `["email", "sms", "automated_call", "live_call", "social_dm", "online_ad_targeting"]`;
const EMAIL_OR_DM = `["email", "social_dm"].contains(context.channel)`;
const REFERRAL = `resource.source == "referral_tell_a_friend"`;
const EMAIL_EXCEPTION = `((${REFERRAL} && ${NOTHING_SENT}) ||
    (context.messageKind == "consent_request" && resource.consentRequestsSent == 0 && (${IS_OCCASIONAL} || ${RENTED})))`;

const forbid = (body: string) =>
  `forbid (principal, action == Action::"contact", resource) when {\n  ${body}\n};`;

/** The policy set, by policy id. */
export const cedarPolicies: Readonly<Record<string, string>> = {
  default: `permit (principal, action == Action::"contact", resource);`,
  "FR-CNIL-OBJECTION-SUPPRESSION-ACROSS-ELECTIONS/suppressed": forbid("resource.suppressed"),
  "EU-GDPR-ART21-OBJECTION/channel": forbid(
    `context has objection && context.objection.at <= context.now &&
  context.objection.scope.containsAny(["all", context.channel])`,
  ),
  "FR-CE-L49-EVE-BLACKOUT/campaign": forbid(
    `context.jurisdiction == "FR" && ${ELECTRONIC}.contains(context.channel) && ${CAMPAIGN} && context.eveBlackout`,
  ),
  "FR-CE-L49-EVE-BLACKOUT/service": `@escalate("true")
permit (principal, action == Action::"contact", resource) when {
  context.jurisdiction == "FR" && ${ELECTRONIC}.contains(context.channel) &&
  context.messageKind == "service" && context.eveBlackout
};`,
  "FR-CNIL-EMAIL-OPTIN/opt-in": forbid(
    `${CAMPAIGN} && ${EMAIL_OR_DM} && !(${IS_REGULAR} || ${VALID}) && !${EMAIL_EXCEPTION}`,
  ),
  "FR-CNIL-EMAIL-OPTIN/recipients": forbid(
    `${CAMPAIGN} && ${EMAIL_OR_DM} && context has recipientsHidden && !context.recipientsHidden`,
  ),
  "FR-CNIL-SOCIAL-OCCASIONAL/political": forbid(
    `${CONSENT_CHANNELS}.contains(context.channel) && context.messageKind == "political" && ${IS_OCCASIONAL} && !${VALID}`,
  ),
  "FR-CNIL-SOCIAL-OCCASIONAL/second-request": forbid(
    `${CONSENT_CHANNELS}.contains(context.channel) && context.messageKind == "consent_request" &&
  resource.consentRequestsSent >= 1 && ${IS_OCCASIONAL}`,
  ),
  "FR-CNIL-REFERRAL-SINGLE-MESSAGE/further": forbid(
    `${CAMPAIGN} && ${REFERRAL} && ${MESSAGE_CHANNELS}.contains(context.channel) && !${NOTHING_SENT} && !${VALID}`,
  ),
  "FR-LIL-ART45-MINORS/under-15": forbid(
    `resource has ageYears && resource.ageYears < 15 && ${VALID} && !${VALID_PARENTAL}`,
  ),
  "FR-LIL-ART45-MINORS/under-18": forbid(
    `resource has ageYears && resource.ageYears < 18 && ${CAMPAIGN} && !${IS_MEMBER}`,
  ),
  "ORG-CONSENT-EVIDENCE/invalid": forbid(
    `context.messageKind == "political" && ["email", "sms", "social_dm"].contains(context.channel) &&
  context.jurisdiction == "FR" && !${IS_REGULAR} && !(${REFERRAL} && ${NOTHING_SENT}) &&
  context.recordedScopes.contains(context.actionScope) && !${VALID}`,
  ),
};

/** The id of the permit that turns an allow into an escalation. */
export const escalatePolicyId = "FR-CE-L49-EVE-BLACKOUT/service";
