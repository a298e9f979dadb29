import { actionIs, and, defineRule, eq, has, not, oneOf, or } from "@isoloir/policy";
import { cite, gdpr } from "../cite";
import { opinionCategories } from "../common";
import { fines83_4, fines83_5 } from "../severity";

/**
 * EU-GDPR-ART30-RECORD — every campaign keeps a record of processing (the under-250 exemption does not
 * cover opinion data): nothing new runs without a matching entry (an engine-only fact, present by default).
 */
export const art30Record = defineRule({
  id: "EU-GDPR-ART30-RECORD",
  title: "Nothing new runs without an entry in the record of processing",
  summary:
    "A new purpose, import source or channel is denied until the record of processing has a matching entry.",
  actions: ["import", "contact", "enrich", "record", "transfer", "export"],
  effect: "deny",
  deny: [
    {
      when: eq("processingRecordEntry", false),
      reason: "The record of processing has no entry for this processing (Art. 30).",
    },
  ],
  citations: [gdpr("art. 30(5)")],
  basis: ["K"],
  force: ["LAW"],
  severity: fines83_4("226-16"),
});

const transfer = actionIs("transfer");

/**
 * EU-GDPR-ART28-PROCESSORS-AND-SUBPROCESSORS — data flows only to processors the controller authorised
 * and bound by an Art. 28 contract (EUDPR art. 29 for EU institutions). §2.14 default: an explicit
 * allow-list per tenant; a new sub-processor is blocked until approved. Collection does not go live
 * while the privacy notice is unpublished (an engine-only fact).
 */
export const art28Processors = defineRule({
  id: "EU-GDPR-ART28-PROCESSORS-AND-SUBPROCESSORS",
  title: "Only authorised processors under an Art. 28 contract receive data",
  summary:
    "No data flows to a processor or sub-processor the controller has not authorised or that has no signed Art. 28 contract.",
  actions: ["transfer", "import"],
  effect: "deny",
  deny: [
    {
      when: and(
        transfer,
        or(eq("processor.authorizedByController", false), eq("processor.art28ContractSigned", false)),
      ),
      reason: "The processor is not authorised by the controller or has no signed Art. 28 contract.",
    },
    {
      when: and(actionIs("import"), eq("notice.published", false)),
      reason: "Collection may not go live while the privacy notice is unpublished.",
    },
  ],
  allow: [
    {
      when: and(
        transfer,
        eq("processor.authorizedByController", true),
        eq("processor.art28ContractSigned", true),
      ),
      reason: "The processor is authorised and bound by an Art. 28 contract.",
    },
  ],
  citations: [
    gdpr("art. 28"),
    {
      text: "Regulation (EU) 2018/1725 (EUDPR)",
      article: "art. 29",
      date: "2018-10-23",
      url: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX%3A32018R1725",
    },
    cite("S65", { date: "2019-11-28" }),
    cite("S66", { date: "2019-12-18" }),
    cite("S67", { date: "2019-11-29" }),
    cite("S68", { date: "2019-11-29" }),
  ],
  basis: ["S", "K"],
  force: ["LAW", "CASE"],
  severity: fines83_4(),
});

const outsideEea = and(transfer, not(eq("processor.hostingRegion", "EEA")));
const noMechanism = oneOf("processor.transferMechanism", ["none", "none_needed_EEA"]);

/**
 * EU-GDPR-CH5-TRANSFERS — data leaves the EEA only on adequacy, safeguards plus a transfer impact
 * assessment, or a narrow derogation. §2.13 default: EEA hosting; any non-EEA element needs a TIA and
 * a DPO decision (ESCALATE), political-opinion data above all; no mechanism at all is a DENY.
 */
export const ch5Transfers = defineRule({
  id: "EU-GDPR-CH5-TRANSFERS",
  title: "No transfer outside the EEA without a mechanism; any non-EEA element goes to the DPO",
  summary:
    "Hosting outside the EEA without a transfer mechanism is denied; with one it needs a TIA and a DPO decision; EEA hosting is allowed.",
  actions: ["transfer"],
  effect: "deny",
  deny: [
    {
      when: and(outsideEea, noMechanism),
      reason: "The processor hosts data outside the EEA without any transfer mechanism.",
    },
  ],
  escalate: [
    {
      when: and(outsideEea, not(noMechanism), has("contact.dataCategories", ...opinionCategories)),
      reason: "Political-opinion data would leave the EEA: the DPO must decide.",
    },
    {
      when: and(outsideEea, not(noMechanism), not(has("contact.dataCategories", ...opinionCategories))),
      reason: "A non-EEA transfer needs a transfer impact assessment and the DPO's decision.",
    },
  ],
  allow: [
    {
      when: and(transfer, eq("processor.hostingRegion", "EEA")),
      reason: "The processor hosts the data in the EEA.",
    },
  ],
  citations: [
    gdpr("arts. 44-49"),
    cite("S69", { text: "CJEU C-311/18 (Schrems II)", date: "2020-07-16" }),
    cite("S37", { date: "2020-02-05" }),
  ],
  basis: ["P", "S", "K"],
  force: ["LAW", "CASE"],
  severity: fines83_5(),
});

/**
 * EU-GDPR-DPIA-DPO — opinion fields or profiling at scale need a DPIA (an engine-only fact, done by
 * default); without one, a human decides.
 */
export const dpiaDpo = defineRule({
  id: "EU-GDPR-DPIA-DPO",
  title: "Opinion fields and profiling need a DPIA",
  summary: "Enabling political-opinion fields or profiling without a DPIA goes to a human decision.",
  actions: ["record", "import", "contact"],
  effect: "escalate",
  escalate: [
    {
      when: and(
        eq("dpiaDone", false),
        or(
          and(actionIs("record"), oneOf("action.category", opinionCategories)),
          and(actionIs("import"), has("contact.dataCategories", ...opinionCategories)),
          has("audience.selectors", ...opinionCategories),
        ),
      ),
      reason: "Opinion data or profiling at scale without a DPIA: a human must decide.",
    },
  ],
  citations: [gdpr("arts. 35 and 37"), cite("S70")],
  basis: ["K", "S"],
  force: ["LAW"],
  severity: fines83_4(),
});
