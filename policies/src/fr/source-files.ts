import { actionIs, and, defineRule, oneOf, purposeIs, sourceIs } from "@isoloir/policy";
import { cite, gdpr } from "../cite";
import { isPoliticalPurpose } from "../common";
import { fines83_5 } from "../severity";

/** Every way a file's data gets used: entering the base, messaging, enriching, storing, keeping it. */
const uses = ["import", "contact", "enrich", "record", "retain"] as const;

/**
 * FR-CNIL-SRC-PUBLIC-SECTOR-FILE — files of public administrations never feed political
 * communication. Keeping such data is denied too: it must be purged.
 */
export const publicSectorFile = defineRule({
  id: "FR-CNIL-SRC-PUBLIC-SECTOR-FILE",
  title: "Public-sector files never feed political communication",
  summary:
    "Civil-status, school, social-aid, heat-wave, planning, tax or staff files of an authority may not be used for political communication, prospection, propaganda or fundraising.",
  actions: [...uses],
  effect: "deny",
  deny: [
    {
      when: and(
        sourceIs("public_sector_file"),
        purposeIs("political_communication", "prospection", "propaganda", "fundraising"),
      ),
      reason: "The data comes from a public-sector file, which may never feed political communication.",
    },
  ],
  citations: [
    cite("S1", { date: "2012-01-26" }),
    cite("S24", { article: 'reflex 2 "cloisonnez vos fichiers"', date: "2026-01-30" }),
    cite("S8"),
    cite("S9", {
      text: "CNIL délibération 2006-228 (recommendation of 5 Oct 2006), as reported",
      date: "2006-10-05",
    }),
    gdpr("art. 5(1)(b)"),
    cite("S45", { article: "art. 226-21" }),
  ],
  basis: ["R", "S"],
  force: ["LAW", "CNIL-RECO"],
  severity: fines83_5("226-21"),
});

/**
 * FR-CNIL-SRC-OTHER-FUNCTION-FILE — files reached through a mandate, a job or an association do not
 * feed political prospection, and campaign contacts do not go to commercial or professional use.
 * Institutional communication under a mandate is a separate, non-political purpose.
 */
export const otherFunctionFile = defineRule({
  id: "FR-CNIL-SRC-OTHER-FUNCTION-FILE",
  title: "No files from another function (mandate, job, association), in either direction",
  summary:
    "Data reached through a public mandate, a job or a business may not serve political purposes, and campaign contacts may not be exported to commercial or professional use.",
  actions: [...uses, "export"],
  effect: "deny",
  deny: [
    {
      when: and(
        actionIs(...uses),
        sourceIs(
          "data_obtained_via_public_mandate",
          "own_business_customer_file",
          "employer_hr_or_payroll_file",
        ),
        isPoliticalPurpose,
      ),
      reason:
        "The data was reached through another function (mandate, job or business) and may not serve a political purpose.",
    },
    {
      when: and(
        actionIs("export"),
        isPoliticalPurpose,
        oneOf("action.targetPurpose", ["commercial", "professional"]),
      ),
      reason: "Campaign contacts may not be exported to a commercial or professional use.",
    },
  ],
  citations: [
    cite("S24", { article: "reflex 2", date: "2026-01-30" }),
    cite("S3", { article: "art. 1 (excludes institutional communication)", date: "2012-01-26" }),
    cite("S6", { article: "§2.1.3", date: "1996-12-03" }),
  ],
  basis: ["R"],
  force: ["LAW", "CNIL-RECO"],
  severity: fines83_5("226-21"),
});

/**
 * FR-CNIL-SRC-PRIVATE-INTERNAL-FILE — a company's internal management files (HR, payroll, its own
 * customer base) never serve political prospection. The catalogue's decision is an unconditional DENY
 * within political processing; a company's own non-political use of its files is outside its scope.
 * §2.18: files rented or sold *for prospection* are a different case (FR-CNIL-SRC-RENTED-COMMERCIAL-FILE);
 * what is banned here is internal management files and diverting one's own business files.
 */
export const privateInternalFile = defineRule({
  id: "FR-CNIL-SRC-PRIVATE-INTERNAL-FILE",
  title: "A company's internal files never serve political prospection",
  summary: "HR, payroll and a business's own customer files may not be used for political purposes.",
  actions: [...uses],
  effect: "deny",
  deny: [
    {
      when: and(sourceIs("employer_hr_or_payroll_file", "own_business_customer_file"), isPoliticalPurpose),
      reason:
        "The data comes from a company's internal management file, whose purpose may not be diverted to politics.",
    },
  ],
  citations: [cite("S19", { date: "2025-10-21" }), cite("S8")],
  basis: ["R"],
  force: ["LAW", "CNIL-RECO"],
  severity: fines83_5("226-21"),
});
