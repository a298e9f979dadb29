import type { Rule } from "@isoloir/policy";
import { art28Processors, art30Record, ch5Transfers, dpiaDpo } from "./accountability";
import { noticeArt13_14 } from "./notice";
import { art21Objection, rightsAndConsentMechanics } from "./rights";
import { art9PoliticalOpinions, edpbInferredOpinions, ttpaArt18AdTargeting } from "./sensitive";

/** The EU pack: GDPR (EUDPR for EU institutions), EDPB, Regulation 2024/900. */
export const euRules: readonly Rule[] = [
  noticeArt13_14,
  art21Objection,
  rightsAndConsentMechanics,
  art9PoliticalOpinions,
  edpbInferredOpinions,
  ttpaArt18AdTargeting,
  art30Record,
  art28Processors,
  ch5Transfers,
  dpiaDpo,
];
