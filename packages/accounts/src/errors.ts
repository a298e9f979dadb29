export const accountErrorCodes = [
  "invalid_credentials",
  "throttled",
  "forbidden",
  "not_found",
  "conflict",
  "last_owner",
  "expired",
] as const;
export type AccountErrorCode = (typeof accountErrorCodes)[number];

export class AccountError extends Error {
  constructor(
    readonly code: AccountErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AccountError";
  }
}
