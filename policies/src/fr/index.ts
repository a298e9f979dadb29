import type { Rule } from "@isoloir/policy";
import { associationUnionFile, publicWebOrSocialScrape } from "./association-and-web";
import { classDefinitions } from "./classification";
import {
  electoralListRetention,
  electoralListSegmentation,
  electoralListUse,
  l37ElectoralListAccess,
  otherVoterLists,
} from "./electoral-lists";
import { l49EveBlackout, l52_1NoPaidPromotion } from "./electoral-period";
import { automatedCallRule, emailOptin, smsOptinStop } from "./electronic-channels";
import { lilArt45Minors, objectionSuppressionAcrossElections } from "./objection-and-minors";
import { doorToDoorApp, liveCallRule, messageMandatoryContent, postalOptout } from "./other-channels";
import {
  primaryParticipantFile,
  purposeUnbundling,
  referralSingleMessage,
  reuseForOtherElections,
} from "./purpose-and-referral";
import { rentedCommercialFile, rentedFirstContact } from "./rented-files";
import { ns34Retention } from "./retention";
import { securityVolunteerAccess } from "./security";
import { socialEnrichment, socialOccasional, socialRegular } from "./social";
import { otherFunctionFile, privateInternalFile, publicSectorFile } from "./source-files";

/** The FR pack: CNIL doctrine, Code électoral, loi Informatique et Libertés. */
export const frRules: readonly Rule[] = [
  classDefinitions,
  publicSectorFile,
  otherFunctionFile,
  privateInternalFile,
  rentedCommercialFile,
  rentedFirstContact,
  associationUnionFile,
  publicWebOrSocialScrape,
  socialRegular,
  socialOccasional,
  socialEnrichment,
  purposeUnbundling,
  referralSingleMessage,
  primaryParticipantFile,
  reuseForOtherElections,
  l37ElectoralListAccess,
  electoralListUse,
  electoralListSegmentation,
  electoralListRetention,
  otherVoterLists,
  emailOptin,
  smsOptinStop,
  automatedCallRule,
  liveCallRule,
  postalOptout,
  doorToDoorApp,
  messageMandatoryContent,
  objectionSuppressionAcrossElections,
  lilArt45Minors,
  ns34Retention,
  l52_1NoPaidPromotion,
  l49EveBlackout,
  securityVolunteerAccess,
];
