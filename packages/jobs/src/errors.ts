export const jobErrorCodes = ["invalid_input", "stopped", "send_failed"] as const;
export type JobErrorCode = (typeof jobErrorCodes)[number];

export class JobError extends Error {
  constructor(
    readonly code: JobErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "JobError";
  }
}

/** Why a running handler's signal was aborted; `signal.reason` is one of these. */
export const abortReasons = ["cancelled", "expired", "stopped", "lost"] as const;
export type AbortReason = (typeof abortReasons)[number];

export class JobAbortedError extends Error {
  constructor(
    readonly reason: AbortReason,
    message: string,
  ) {
    super(message);
    this.name = "JobAbortedError";
  }
}
