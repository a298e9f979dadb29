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

/** The person matches the suppression list: they objected or were erased, and may not come back. */
export class SuppressedPersonError extends ContactError {
  constructor(readonly matchedOn: "email" | "phone") {
    super(
      "suppressed",
      `this person is on the suppression list (matched on ${matchedOn}) and may not be added`,
    );
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
