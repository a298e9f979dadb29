export const contactErrorCodes = ["suppressed", "invalid_identity", "not_found"] as const;
export type ContactErrorCode = (typeof contactErrorCodes)[number];

export class ContactError extends Error {
  constructor(
    readonly code: ContactErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ContactError";
  }
}

/**
 * The person matches a suppression record of scope `all`: they objected to everything or were erased,
 * and may not come back. The message says nothing of the record (which identifier, when, why).
 */
export class SuppressedPersonError extends ContactError {
  constructor() {
    super("suppressed", "this person is on the suppression list and may not be added");
  }
}

export class InvalidIdentityError extends ContactError {
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super("invalid_identity", `${field}: ${detail}`);
  }
}

export class ContactNotFoundError extends ContactError {
  constructor() {
    super("not_found", "contact not found");
  }
}
