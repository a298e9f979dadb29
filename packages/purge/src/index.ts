export { type BatchTarget, deleteTargets } from "./delete";
export { batchDigest, targetDigest } from "./digest";
export { PurgeError, type PurgeErrorCode, purgeErrorCodes } from "./errors";
export { approvePlan, createPlan, getPlan, type NewPlan } from "./plans";
export { type RunOptions, type RunResult, runPurge } from "./run";
