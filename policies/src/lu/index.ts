import {
  actionIs,
  and,
  channelIs,
  defineRule,
  not,
  objectionCoversChannel,
  or,
  type Rule,
  validConsent,
} from "@isoloir/policy";
import { cite, gdpr } from "../cite";
import { electionClosed, hasElection, isContact, isIndirectSource, isRegular } from "../common";
import { foreignLaw } from "../severity";

const letter = and(isContact, channelIs("postal_addressed"));
/** Regular contacts and people who agreed to later reuse stay after the elections. */
const luKept = or(isRegular, validConsent("reuse_other_elections"));

/**
 * LU-CNPD-POSTAL-ART14 — as FR-CNIL-POSTAL-OPTOUT: addressed post on opt-out, the first letter gives
 * the Art. 14 information (origin included). "Delete within a reasonable time after the elections":
 * the conservative default is the last round plus the litigation window, for data not collected from
 * the person.
 */
export const cnpdPostalArt14 = defineRule({
  id: "LU-CNPD-POSTAL-ART14",
  title: "LU: addressed political post on opt-out, with the Art. 14 information",
  summary:
    "Named political letters work on opt-out and carry the Art. 14 information (controller, origin, purpose, retention, rights); indirect data goes after the election.",
  actions: ["contact", "retain"],
  effect: "allow-with-obligations",
  deny: [
    {
      when: and(letter, objectionCoversChannel),
      reason: "The person objected to addressed post.",
    },
    {
      when: and(actionIs("retain"), isIndirectSource, not(luKept), electionClosed),
      reason: "Addresses obtained for the elections must be deleted within a reasonable time after them.",
    },
  ],
  allow: [
    {
      when: and(letter, not(objectionCoversChannel)),
      reason: "Addressed post works on an opt-out basis; the letter prints the notice.",
      obligations: ["print_full_notice"],
    },
    {
      when: and(letter, not(objectionCoversChannel), isIndirectSource),
      reason: "The data was not collected from the person: the first letter states its origin.",
      obligations: ["state_data_origin"],
    },
    {
      when: and(actionIs("retain"), isIndirectSource, hasElection, or(luKept, not(electionClosed))),
      reason: "Addresses obtained for the elections are kept until a reasonable time after them.",
    },
  ],
  citations: [cite("S44", { article: "§5.1" }), gdpr("arts. 14 and 21(2)")],
  basis: ["R"],
  force: ["LAW"],
  severity: foreignLaw("high", "GDPR art. 83(5), enforced by the CNPD"),
});

/** The LU pack: CNPD guidance. */
export const luRules: readonly Rule[] = [cnpdPostalArt14];
