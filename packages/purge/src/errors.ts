export const purgeErrorCodes = [
  "not_found",
  "not_approved",
  "expired",
  "four_eyes",
  "forbidden",
  "drift",
  "bad_certificate",
] as const;
export type PurgeErrorCode = (typeof purgeErrorCodes)[number];

export class PurgeError extends Error {
  constructor(
    readonly code: PurgeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "PurgeError";
  }
}
