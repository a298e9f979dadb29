import {
  and,
  channelIs,
  defineRule,
  eq,
  exists,
  not,
  sourceIs,
  validConsentForAction,
} from "@isoloir/policy";
import { cite, gdpr } from "../cite";
import { firstConsentRequest, isContact, rentedSources } from "../common";
import { fines83_5 } from "../severity";

const rented = sourceIs(...rentedSources);
const adTargeting = and(isContact, channelIs("online_ad_targeting"));
const attested = and(
  exists("contact.vendorAttestation"),
  eq("contact.vendorAttestation.politicalReuseDisclosed", true),
  eq("contact.vendorAttestation.optOutOffered", true),
);

/**
 * FR-CNIL-SRC-RENTED-COMMERCIAL-FILE — a rented or bought prospect file is usable only with the
 * vendor's attestation that political reuse was disclosed at collection. The rule also requires that
 * people were offered a way to object; the catalogue's decision line names only the disclosure, so
 * the conservative reading denies an attestation without an opt-out as well. Never for ad targeting
 * (Regulation 2024/900).
 */
export const rentedCommercialFile = defineRule({
  id: "FR-CNIL-SRC-RENTED-COMMERCIAL-FILE",
  title: "Rented or bought files need the vendor's attestation of disclosed political reuse",
  summary:
    "A rented or broker file is usable only if people were told of political reuse and offered an opt-out; keep the attestation, state the origin; never for online ad targeting.",
  actions: ["import", "contact", "enrich", "record", "retain"],
  effect: "allow-with-obligations",
  deny: [
    {
      when: and(rented, not(attested)),
      reason:
        "The rented file has no vendor attestation that political reuse was disclosed and an opt-out offered at collection.",
    },
    {
      when: and(rented, adTargeting),
      reason: "Rented or broker files may not feed online political ad targeting.",
    },
  ],
  allow: [
    {
      when: and(rented, attested, not(adTargeting)),
      reason: "The vendor attests that political reuse was disclosed and an opt-out offered.",
      obligations: ["keep_vendor_attestation", "state_data_origin"],
    },
  ],
  citations: [
    cite("S8"),
    cite("S19", { date: "2025-10-21" }),
    cite("S9", { date: "2006-10-05" }),
    cite("S10", { date: "2006" }),
    gdpr("arts. 5, 6 and 14"),
  ],
  basis: ["R"],
  force: ["CNIL-RECO"],
  severity: fines83_5("226-18"),
});

const firstContactScope = and(
  isContact,
  rented,
  channelIs("email", "sms", "automated_call", "live_call", "social_dm"),
  not(validConsentForAction()),
);

/**
 * FR-CNIL-SRC-RENTED-FIRST-CONTACT-IS-CONSENT-REQUEST — with rented numbers or addresses and no
 * political consent for the channel, the first (and only) message asks for consent. Post and visits
 * work on opt-out and are outside this rule.
 */
export const rentedFirstContact = defineRule({
  id: "FR-CNIL-SRC-RENTED-FIRST-CONTACT-IS-CONSENT-REQUEST",
  title: "With rented data, the first call or message only asks for consent",
  summary:
    "Without a political consent for the channel, a contact from a rented or broker file may only receive one consent request.",
  actions: ["contact"],
  effect: "deny",
  deny: [
    {
      when: and(firstContactScope, not(firstConsentRequest)),
      reason:
        "Rented data without a political consent for this channel: only a single consent request may be sent.",
    },
  ],
  allow: [
    {
      when: and(firstContactScope, firstConsentRequest),
      reason: "A single consent request to a contact from a rented file.",
      obligations: ["consent_request_only"],
    },
    {
      when: and(
        isContact,
        rented,
        channelIs("email", "sms", "automated_call", "live_call", "social_dm"),
        validConsentForAction(),
      ),
      reason: "The contact from a rented file consented to political messages on this channel.",
    },
  ],
  citations: [
    cite("S27", { date: "2019" }),
    cite("S28", { date: "2021" }),
    cite("S29", { date: "2025-05-19" }),
    cite("S11", { date: "2017-04-21" }),
  ],
  basis: ["S", "R"],
  force: ["CNIL-RECO"],
  severity: fines83_5("226-18"),
});
