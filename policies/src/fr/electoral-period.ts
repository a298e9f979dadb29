import {
  and,
  before,
  channelIs,
  defineRule,
  endOf,
  eq,
  firstRound,
  from,
  jurisdictionIs,
  lastRound,
  messageIs,
  monthStart,
  not,
  or,
  roundWindow,
  startOf,
} from "@isoloir/policy";
import { cite } from "../cite";
import { hasElection, isContact, isPoliticalMessage } from "../common";
import { electoralCode } from "../severity";

/** From the first day of the 6th month before the election's (first round's) month to the deciding round. */
const l52Window = and(
  jurisdictionIs("FR"),
  hasElection,
  from(startOf(monthStart(firstRound, -6))),
  before(endOf(lastRound)),
);

/**
 * FR-CE-L52-1-NO-PAID-PROMOTION-WINDOW — no commercial advertising (paid boosting, targeted ads) for
 * electoral propaganda from the first day of the sixth month before the election month until the
 * deciding round, for French elections (the election of an FR decision; a foreign jurisdiction's election
 * is not governed by the Code électoral even when the recipient lives in France). The six-month wording rests on the 2011 amendment (basis K for the enacted text);
 * the election month is the first round's. Outside the window the TTPA rules still apply.
 */
export const l52_1NoPaidPromotion = defineRule({
  id: "FR-CE-L52-1-NO-PAID-PROMOTION-WINDOW",
  title: "No paid promotion of propaganda in the six months before the election",
  summary:
    "From the first day of the sixth month before the election month until the deciding round, no paid boosting or targeted ads for propaganda.",
  actions: ["contact"],
  effect: "deny",
  deny: [
    {
      when: and(isPoliticalMessage, or(channelIs("online_ad_targeting"), eq("paidBoost", true)), l52Window),
      reason:
        "Paid online promotion of propaganda is banned from the sixth month before the election (L.52-1).",
    },
  ],
  allow: [
    {
      when: and(
        isPoliticalMessage,
        channelIs("online_ad_targeting"),
        jurisdictionIs("FR"),
        hasElection,
        not(l52Window),
      ),
      reason: "Outside the L.52-1 window paid promotion is not banned (the TTPA rules still apply).",
    },
  ],
  citations: [
    cite("S57", {
      text: "Code électoral art. L.52-1 (Sénat amendment COM-37, three to six months)",
      article: "L.52-1",
      date: "2011",
    }),
    cite("S56"),
    cite("S58", { text: "Conseil d'État, 28 May 2021, n° 445567 (Facebook boosting)", date: "2021-05-28" }),
    cite("S59"),
  ],
  basis: ["S", "P"],
  force: ["LAW"],
  severity: electoralCode(
    "Code électoral L.52-1 and L.90-1: fine of €75,000; campaign accounts may be rejected",
  ),
});

/** 00:00 local on the eve of any round of a French election until 20:00 local (polls close) on the round's day. */
const eveBlackout = and(
  jurisdictionIs("FR"),
  roundWindow({ days: -1, time: "00:00" }, { days: 0, time: "20:00" }),
);
const electronic = channelIs(
  "email",
  "sms",
  "automated_call",
  "live_call",
  "social_dm",
  "online_ad_targeting",
);

/**
 * FR-CE-L49-EVE-BLACKOUT — no electronic propaganda from 00:00 on the eve of a round until the polls
 * close; service messages in that window go to a human. Paper distribution on polling day (L.49 §1,
 * basis K) is not modelled.
 */
export const l49EveBlackout = defineRule({
  id: "FR-CE-L49-EVE-BLACKOUT",
  title: "No electronic propaganda from the eve of a round until polls close",
  summary:
    "From 00:00 on the eve of each round until 20:00 on polling day, no political email, SMS, call, DM or ad; service messages need a human decision.",
  actions: ["contact"],
  effect: "deny",
  deny: [
    {
      when: and(isContact, electronic, messageIs("political", "consent_request"), eveBlackout),
      reason: "Electronic propaganda is banned from 00:00 on the eve of the vote until polls close (L.49).",
    },
  ],
  escalate: [
    {
      when: and(isContact, electronic, messageIs("service"), eveBlackout),
      reason: "A service message during the eve-of-vote blackout needs a human decision.",
    },
  ],
  allow: [
    {
      when: and(
        isContact,
        electronic,
        messageIs("political", "consent_request"),
        jurisdictionIs("FR"),
        hasElection,
        not(eveBlackout),
      ),
      reason: "The send falls outside the eve-of-vote blackout.",
    },
  ],
  citations: [
    cite("S60", { text: "Code électoral art. L.49 (electronic wording)", article: "L.49" }),
    cite("S61", { date: "1985" }),
    cite("S62", { text: "Code électoral art. L.48-1", article: "L.48-1" }),
    cite("S63", { text: "Code électoral art. L.47 A", article: "L.47 A" }),
  ],
  basis: ["S", "P"],
  force: ["LAW"],
  severity: electoralCode("Code électoral L.49 and L.89: fine of €3,750"),
});
