export { keyFingerprint, publicKeyOf } from "@isoloir/db";
export {
  ApproveInput,
  type ApproverGrant,
  approvePlan,
  barredByFourEyes,
  CoolingOffInput,
  expireIfDue,
  type FourEyesBar,
  FourEyesInput,
  setFourEyes,
  setFourEyesCoolingOff,
} from "./approve";
export { BatchEntryDetails, BatchTally, dependentTables } from "./batch";
export {
  Certificate,
  CertificateBody,
  certificateFormat,
  certificateHash,
  getCertificate,
  issueCertificate,
} from "./certificate";
export { certificatePage } from "./certificate-page";
export { type Check, readCertificate, type Verification, verifyCertificate } from "./certificate-verify";
export { batchDigest, targetDigest } from "./digest";
export { type EngineConditions, engineConditions, narrowedPolicy } from "./engine-conditions";
export {
  BadCertificateError,
  FourEyesError,
  InvalidPurgeInputError,
  MissingSigningKeyError,
  PlanExpiredError,
  PlanMismatchError,
  PlanNotFoundError,
  PlanStateError,
  PurgeError,
  type PurgeErrorCode,
  PurgeForbiddenError,
  purgeErrorCodes,
  StoredRecordError,
} from "./errors";
export {
  PURGE_QUEUE,
  PurgeJobData,
  type PurgeJobOutput,
  purgeJobHandler,
  queuePurgeRun,
  startPurgeWorker,
} from "./job";
export { memberPseudonym, PurgeContext, systemPlanner } from "./members";
export { PlanInput, type PurgePlan, planPurge, readPlan } from "./plan";
export {
  getPlan,
  latestRun,
  listPlans,
  needsHuman,
  PlanFileRef,
  PlanRef,
  planDocument,
  planFormat,
} from "./plan-read";
export { PlanCounts, PlanSample } from "./plan-sql";
export { enrichmentQueue } from "./queued-work";
export {
  importRulesNotReasons,
  orderReasons,
  type ReasonDefinition,
  ReasonKey,
  type RowAction,
  type RuleRef,
  reasonKeys,
  reasons,
  retentionReasons,
} from "./reasons";
export { type PurgeRun, type RunContext, type RunHooks, RunInput, type RunOutcome, runPurge } from "./run";
export { NightlyInput, type NightlyResult, planNightlyRetention, setNightlyRetention } from "./schedule";
export { Granularity, PlanScope } from "./scope";
