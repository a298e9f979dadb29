import { actionIs, and, defineRule, eq } from "@isoloir/policy";
import { cite, gdpr } from "../cite";
import { fines83_4 } from "../severity";

const volunteer = eq("actor.role", "volunteer");

/**
 * FR-CNIL-SECURITY-VOLUNTEER-ACCESS — volunteers reach only their assigned call or door lists and
 * never export or import in bulk (engine-only facts: the actor's role and assignment). Vetting and the
 * confidentiality undertaking are product duties, not decisions.
 */
export const securityVolunteerAccess = defineRule({
  id: "FR-CNIL-SECURITY-VOLUNTEER-ACCESS",
  title: "Volunteers see only their assigned lists and never export",
  summary:
    "A volunteer may act only on contacts of their assigned call or door lists, and may not export or import in bulk.",
  actions: ["contact", "enrich", "import", "record", "transfer", "export"],
  effect: "deny",
  deny: [
    {
      when: and(volunteer, actionIs("export", "import")),
      reason: "Volunteers may not export or import contacts in bulk.",
    },
    {
      when: and(volunteer, eq("actor.assigned", false)),
      reason: "Volunteers may only reach contacts on their assigned call or door lists.",
    },
  ],
  citations: [
    cite("S71", { date: "2012" }),
    cite("S72", { date: "2016-09-12" }),
    cite("S7", { article: "fiche n° 10 (hiding recipients)" }),
    gdpr("art. 32"),
  ],
  basis: ["S"],
  force: ["LAW", "CNIL-RECO"],
  severity: fines83_4("226-17"),
});
