import {
  actionIs,
  afterDay,
  and,
  before,
  cmp,
  defineRule,
  eq,
  from,
  has,
  lastRound,
  not,
  oneOf,
  or,
  purposeIs,
  round,
  sourceIs,
  startOf,
  validConsent,
} from "@isoloir/policy";
import { cite, gdpr } from "../cite";
import {
  electionActive,
  electionClosed,
  hasElection,
  isPoliticalPurpose,
  isRegular,
  voterListSources,
} from "../common";
import { electoralCode, fines83_5 } from "../severity";

const uses = ["import", "contact", "enrich", "record", "retain"] as const;
const listNotice = ["state_data_origin", "link_full_notice", "offer_opt_out"] as const;

/** FR-CE-L37-ELECTORAL-LIST-ACCESS — anyone may copy the list, never for commercial use. */
export const l37ElectoralListAccess = defineRule({
  id: "FR-CE-L37-ELECTORAL-LIST-ACCESS",
  title: "The electoral list may be copied, but never used commercially",
  summary:
    "Voters, candidates and parties may consult and copy the electoral list (L.37); any commercial use is forbidden. Political uses follow the CNIL rules.",
  actions: [...uses, "export"],
  effect: "deny",
  deny: [
    {
      when: and(
        sourceIs("electoral_list_L37"),
        or(
          and(actionIs(...uses), purposeIs("commercial")),
          and(actionIs("export"), eq("action.targetPurpose", "commercial")),
        ),
      ),
      reason: "The electoral list may never be used for a commercial purpose (Code électoral L.37).",
    },
  ],
  citations: [
    cite("S22", {
      text: "Code électoral art. L.37 (loi n° 2016-1048 of 1 Aug 2016)",
      article: "L.37",
      date: "2016-08-01",
    }),
    cite("S21", { date: "2019-01-24" }),
    cite("S25"),
  ],
  basis: ["P", "R"],
  force: ["LAW"],
  validFrom: "2019-01-01",
  severity: fines83_5("226-21"),
});

const listUse = (source: "electoral_list_L37" | "consular_list_L330_4" | "both") =>
  and(
    actionIs("import", "contact"),
    source === "both" ? sourceIs("electoral_list_L37", "consular_list_L330_4") : sourceIs(source),
    isPoliticalPurpose,
  );

/**
 * FR-CNIL-ELECTORAL-LIST-USE — electoral (and consular) lists serve political communication "en
 * période électorale", with the Art. 14 information stating the list as origin. Catalogue §2.5
 * default for the electoral period: a declared election at most six months away and not yet voted;
 * anything else is ESCALATE.
 */
export const electoralListUse = defineRule({
  id: "FR-CNIL-ELECTORAL-LIST-USE",
  title: "Electoral lists serve political communication during an election, with the Art. 14 notice",
  summary:
    "Electoral-list data may be loaded and used for political communication when linked to an election at most six months away, stating the list as origin; otherwise a human decides.",
  actions: ["import", "contact"],
  effect: "allow-with-obligations",
  escalate: [
    {
      when: and(listUse("both"), not(electionActive)),
      reason:
        "Electoral-list data used outside a declared election at most six months away: a human must decide.",
    },
  ],
  allow: [
    {
      when: and(listUse("both"), electionActive),
      reason: "Electoral-list data used for the campaign of a declared election.",
      obligations: [...listNotice],
    },
  ],
  citations: [cite("S25"), cite("S26", { date: "2025-10-21" }), cite("S22"), gdpr("arts. 14 and 21")],
  basis: ["R"],
  force: ["LAW", "CNIL-RECO"],
  severity: fines83_5("226-18"),
});

const proxies = ["name_origin_proxy", "religion_proxy"] as const;

/**
 * FR-CNIL-ELECTORAL-LIST-SEGMENTATION — no segment or model on surname sound, assumed religion or
 * place of birth. Segments are the engine-only `audience.selectors` fact; recording or importing a
 * name-origin or religion proxy is denied too, since such a proxy exists only to select on.
 */
export const electoralListSegmentation = defineRule({
  id: "FR-CNIL-ELECTORAL-LIST-SEGMENTATION",
  title: "No segmenting by name origin, religion or place of birth",
  summary:
    "Audiences and models may use age, sex or polling station, never name-origin or religion proxies or place of birth.",
  actions: ["contact", "import", "retain", "record", "export"],
  effect: "deny",
  deny: [
    {
      when: has("audience.selectors", ...proxies, "birth_place"),
      reason: "The audience selects on name origin, religion or place of birth.",
    },
    {
      when: or(
        and(actionIs("record"), oneOf("action.category", [...proxies])),
        and(actionIs("import", "retain"), has("contact.dataCategories", ...proxies)),
      ),
      reason: "Name-origin or religion proxies may not be built or kept to select voters.",
    },
  ],
  allow: [
    {
      when: and(actionIs("record"), eq("action.category", "birth_place")),
      reason: "The place of birth that comes with the list may be stored, never used to select voters.",
    },
  ],
  citations: [
    cite("S8"),
    cite("S6", { article: "§2.1.4", date: "1996-12-03" }),
    cite("S34", { date: "2001-02-28" }),
    cite("S45", { article: "art. 226-19" }),
  ],
  basis: ["R", "P"],
  force: ["LAW", "CNIL-RECO"],
  severity: fines83_5("226-19"),
});

/** People who became regular contacts (a stated class) or agreed to later reuse. */
const voterListKept = or(isRegular, validConsent("reuse_other_elections"));

/**
 * FR-CNIL-ELECTORAL-LIST-RETENTION — voter-list data goes at the end of the vote: from the end of
 * the last round's day plus the litigation window. Data linked to no election cannot be kept (§2.5:
 * it is only loaded for a declared election). People who became regular contacts (a stated class) or
 * agreed to later reuse are exempt.
 */
export const electoralListRetention = defineRule({
  id: "FR-CNIL-ELECTORAL-LIST-RETENTION",
  title: "Voter-list data is purged after the vote and its litigation window",
  summary:
    "Electoral, émargement and consular list data must be deleted after the last round plus the litigation window, processors included.",
  actions: ["retain"],
  effect: "deny",
  deny: [
    {
      when: and(sourceIs(...voterListSources), not(voterListKept), or(not(hasElection), electionClosed)),
      reason: "Voter-list data must be purged once the vote and its litigation window are over.",
    },
  ],
  allow: [
    {
      when: and(sourceIs(...voterListSources), or(voterListKept, and(hasElection, not(electionClosed)))),
      reason: "Voter-list data is kept until the vote and its litigation window are over.",
    },
  ],
  citations: [cite("S26", { date: "2025-10-21" }), gdpr("art. 5(1)(e)")],
  basis: ["R"],
  force: ["LAW", "CNIL-RECO"],
  severity: fines83_5("226-20"),
});

const emargement = sourceIs("emargement_list_L68");
/** From the close of polls on round 1 (20:00 local) to the start of round 2's day. */
const betweenRounds = and(
  cmp("election.roundCount", ">=", 2),
  from(startOf(round(1), "20:00")),
  before(startOf(round(2))),
);

/**
 * FR-CE-OTHER-VOTER-LISTS — émargement lists serve only to re-mobilise abstainers between round 1
 * and round 2 and go after round 2 (§2.12 default: never in persistent profiles or models, so
 * turnout history is never recorded); consular lists are used as the electoral list.
 */
export const otherVoterLists = defineRule({
  id: "FR-CE-OTHER-VOTER-LISTS",
  title: "Émargement lists between rounds only; consular lists like the electoral list",
  summary:
    "Émargement data may be used only between the two rounds and is purged after round 2; consular lists follow the electoral-list rules and state their origin.",
  actions: ["import", "contact", "record", "retain"],
  effect: "allow-with-obligations",
  deny: [
    {
      when: and(actionIs("import", "contact"), emargement, not(betweenRounds)),
      reason: "Émargement data may be used only between the first and the second round.",
    },
    {
      when: or(
        and(actionIs("record"), eq("action.category", "turnout_history")),
        and(actionIs("import"), has("contact.dataCategories", "turnout_history"), not(emargement)),
      ),
      reason: "Turnout history may never be kept in a persistent profile or model.",
    },
    {
      when: and(actionIs("retain"), emargement, not(isRegular), or(not(hasElection), afterDay(lastRound))),
      reason: "Émargement data must be purged after the second round.",
    },
  ],
  escalate: [
    {
      when: and(listUse("consular_list_L330_4"), not(electionActive)),
      reason:
        "Consular-list data used outside a declared election at most six months away: a human must decide.",
    },
  ],
  allow: [
    {
      when: and(actionIs("retain"), emargement, or(isRegular, and(hasElection, not(afterDay(lastRound))))),
      reason: "Émargement data is kept until the second round.",
    },
    {
      when: and(actionIs("import", "contact"), emargement, betweenRounds),
      reason: "Émargement data used between the rounds to reach first-round abstainers.",
      obligations: ["link_full_notice", "state_data_origin", "offer_opt_out"],
    },
    {
      when: and(listUse("consular_list_L330_4"), electionActive),
      reason: "Consular-list data used for the campaign of a declared election.",
      obligations: [...listNotice],
    },
  ],
  citations: [
    cite("S30", {
      text: "CNIL, abstainers between the rounds, citing Code électoral L.68",
      article: "L.68",
      date: "2014-03-28",
    }),
    cite("S31", { text: "Code électoral L.330-4 as reported", article: "L.330-4", date: "2012-02" }),
  ],
  basis: ["R", "S"],
  force: ["LAW", "CNIL-RECO"],
  severity: electoralCode("Code électoral L.68 / L.330-4; GDPR art. 83(5); Code pénal art. 226-20"),
});
