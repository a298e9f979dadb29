import {
  actionIs,
  and,
  channelIs,
  controllerIs,
  defineRule,
  has,
  not,
  oneOf,
  or,
  purposeIs,
  sourceIs,
  validConsent,
} from "@isoloir/policy";
import { cite } from "../cite";
import { isContact, opinionCategories } from "../common";
import { foreignLaw } from "../severity";

const uses = ["import", "contact", "enrich", "record", "retain"] as const;
const electoralPurposes = [
  "political_communication",
  "prospection",
  "propaganda",
  "member_management",
] as const;
const register = sourceIs("uk_full_electoral_register");
const electoral = purposeIs(...electoralPurposes);

/**
 * UK-ELECTORAL-REGISTER — parties and candidates get the full register for electoral purposes only;
 * anything layered on it follows UK GDPR and PECR, privacy information included. Fundraising is not
 * an electoral purpose here (conservative reading).
 */
export const ukElectoralRegister = defineRule({
  id: "UK-ELECTORAL-REGISTER",
  title: "UK: the full electoral register serves electoral purposes only",
  summary:
    "The full electoral register may be used for electoral purposes, with privacy information; any other use is denied.",
  actions: [...uses, "export"],
  effect: "allow-with-obligations",
  deny: [
    {
      when: and(
        register,
        or(
          and(actionIs(...uses), not(electoral)),
          and(actionIs("export"), not(oneOf("action.targetPurpose", [...electoralPurposes]))),
        ),
      ),
      reason: "The full electoral register may be used for electoral purposes only.",
    },
  ],
  allow: [
    {
      when: and(register, actionIs(...uses), electoral, not(isContact)),
      reason: "The full electoral register used for an electoral purpose.",
    },
    {
      when: and(register, isContact, electoral),
      reason: "The full electoral register used for an electoral purpose, with privacy information.",
      obligations: ["link_full_notice"],
    },
  ],
  citations: [cite("S78"), cite("S79", { date: "2023-02-21" }), cite("S77")],
  basis: ["S", "R"],
  force: ["LAW"],
  severity: foreignLaw(
    "high",
    "Representation of the People Regulations 2001 (misuse of the register is an offence); UK GDPR fines",
  ),
});

const opinionUse = or(
  and(actionIs("record"), oneOf("action.category", opinionCategories)),
  and(isContact, channelIs("online_ad_targeting"), has("contact.dataCategories", ...opinionCategories)),
  and(isContact, has("audience.selectors", ...opinionCategories)),
);
const explicitConsent = validConsent("political_opinion_recording");

/**
 * UK-SPECIAL-CATEGORY-INFERRED — no targeting on opinions, inferred or declared, without explicit
 * consent; a registered party may rely on the DPA 2018 party condition with an appropriate policy
 * document, which a human must confirm (ESCALATE).
 */
export const ukSpecialCategoryInferred = defineRule({
  id: "UK-SPECIAL-CATEGORY-INFERRED",
  title: "UK: no targeting on opinions without explicit consent; a party's own condition goes to a human",
  summary:
    "Recording or targeting on political opinions needs explicit consent; a registered party relying on the party condition needs a human decision.",
  actions: ["record", "contact"],
  effect: "deny",
  deny: [
    {
      when: and(opinionUse, not(explicitConsent), not(controllerIs("party"))),
      reason: "Targeting or recording political opinions needs explicit consent.",
    },
  ],
  escalate: [
    {
      when: and(opinionUse, not(explicitConsent), controllerIs("party")),
      reason:
        "A party relying on the DPA 2018 party condition needs its appropriate policy document confirmed by a human.",
    },
  ],
  allow: [
    {
      when: and(opinionUse, explicitConsent),
      reason: "The person gave explicit consent to the use of their political opinion.",
    },
  ],
  citations: [cite("S80"), cite("S81", { date: "2024-03-25" }), cite("S82", { date: "2020" })],
  basis: ["S"],
  force: ["LAW"],
  severity: foreignLaw(
    "high",
    "UK GDPR art. 9 and DPA 2018 sch. 1: ICO fines up to £17.5M or 4% of turnover",
  ),
});
