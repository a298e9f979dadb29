import {
  actionIs,
  and,
  channelIs,
  classIs,
  controllerIs,
  eq,
  jurisdictionIs,
  messageIs,
  not,
  oneOf,
  or,
  recordedConsent,
  sourceIs,
  validConsentForAction,
} from "@isoloir/policy";
import {
  frenchReach,
  isContact,
  isOccasional,
  isRegular,
  nothingSentYet,
  opinionCategories,
  rentedSources,
} from "./common";

// When an action rests on consent, as the channel and sensitive-data rules of the packs decide it.
// ORG-CONSENT-EVIDENCE and EU-GDPR-RIGHTS-AND-CONSENT-MECHANICS cite an invalid consent only there, so
// a bad consent record never blocks what needs no consent (it is simply treated as absent).

const reach = (jurisdiction: "UK" | "DE" | "US", country: string) =>
  or(jurisdictionIs(jurisdiction), eq("contact.country", country));
const ukReach = reach("UK", "GB");
const deReach = reach("DE", "DE");
const usMobile = and(reach("US", "US"), eq("phone.mobile", true));
const euPack = jurisdictionIs("FR", "DE", "LU", "EU_INSTITUTION");

const messageNeedsConsent = and(
  isContact,
  messageIs("political"),
  or(
    and(channelIs("automated_call"), or(frenchReach, ukReach, usMobile)),
    and(
      channelIs("email", "sms", "social_dm"),
      or(
        ukReach,
        deReach,
        and(frenchReach, not(isRegular), not(and(sourceIs("referral_tell_a_friend"), nothingSentYet))),
      ),
    ),
    and(channelIs("sms"), usMobile),
    and(channelIs("live_call"), frenchReach, or(isOccasional, sourceIs(...rentedSources))),
    and(channelIs("online_ad_targeting"), euPack),
  ),
);

const recordNeedsConsent = and(
  actionIs("record"),
  oneOf("action.category", opinionCategories),
  or(
    and(
      euPack,
      not(
        and(
          controllerIs("party", "campaign_association"),
          classIs("member", "former_member", "regular_contact"),
        ),
      ),
    ),
    and(jurisdictionIs("UK"), not(controllerIs("party"))),
  ),
);

/** The action relies on the person's consent. */
export const consentNeeded = or(
  messageNeedsConsent,
  and(actionIs("enrich"), jurisdictionIs("FR")),
  recordNeedsConsent,
);

/**
 * The action rests on consent, a consent for what it needs is on record, and none of them is valid.
 * The cheap test on recorded scopes comes first.
 */
export const reliesOnInvalidConsent = and(
  recordedConsent("action"),
  consentNeeded,
  not(validConsentForAction()),
);
/** The action rests on consent and a valid one is on record. */
export const reliesOnValidConsent = and(recordedConsent("action"), validConsentForAction(), consentNeeded);
