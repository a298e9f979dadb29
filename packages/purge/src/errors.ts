import type { z } from "zod";

/** The purge's error codes: a closed union the API maps to TRPCError and the CLI to exit codes. */
export const purgeErrorCodes = [
  "invalid_input",
  "not_found",
  "forbidden",
  "wrong_state",
  "expired",
  "four_eyes",
  "four_eyes_granted_by_planner",
  "four_eyes_recent_grant",
  "plan_mismatch",
  "missing_signing_key",
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

export class InvalidPurgeInputError extends PurgeError {
  constructor(readonly issues: { path: string; message: string }[]) {
    super("invalid_input", issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "));
  }
}

export class PlanNotFoundError extends PurgeError {
  constructor(readonly planId: string) {
    super("not_found", `no purge plan ${planId} in this organisation`);
  }
}

export class PurgeForbiddenError extends PurgeError {
  constructor(
    readonly capability: string,
    readonly role: string | null,
  ) {
    super(
      "forbidden",
      role
        ? `the role ${role} may not do this (it needs ${capability})`
        : `not a member of this organisation (it needs ${capability})`,
    );
  }
}

export class PlanStateError extends PurgeError {
  constructor(
    readonly planId: string,
    readonly state: string,
    expected: string,
  ) {
    super("wrong_state", `plan ${planId} is ${state}: ${expected}`);
  }
}

export class PlanExpiredError extends PurgeError {
  constructor(
    readonly planId: string,
    readonly expiresAt: Date,
  ) {
    super("expired", `plan ${planId} expired at ${expiresAt.toISOString()}: plan again`);
  }
}

export type FourEyesBar = "own_plan" | "granted_by_planner" | "recent_grant";

/** Four eyes refuses this approver: their own plan, a role or membership the planner gave, or too recent a grant. */
export class FourEyesError extends PurgeError {
  constructor(
    readonly planId: string,
    readonly bar: FourEyesBar = "own_plan",
    readonly coolingOffHours = 24,
  ) {
    super(
      bar === "own_plan"
        ? "four_eyes"
        : bar === "granted_by_planner"
          ? "four_eyes_granted_by_planner"
          : "four_eyes_recent_grant",
      bar === "own_plan"
        ? `four-eyes approval is on: a compliance member other than the planner must approve plan ${planId}`
        : bar === "granted_by_planner"
          ? `four-eyes approval is on: the planner of plan ${planId} added you or granted your role, so another compliance member must approve it`
          : `four-eyes approval is on: an approver must have held the compliance role for ${coolingOffHours} h before plan ${planId} was created; your role was granted later`,
    );
  }
}

export class PlanMismatchError extends PurgeError {
  constructor(
    readonly planId: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      "plan_mismatch",
      `plan ${planId} has hash ${actual}, not ${expected}: review the plan as it is now`,
    );
  }
}

export class MissingSigningKeyError extends PurgeError {
  constructor() {
    super(
      "missing_signing_key",
      "no certificate signing key: set ISOLOIR_SIGNING_KEY (an Ed25519 PKCS#8 PEM, or its base64)",
    );
  }
}

export class BadCertificateError extends PurgeError {
  constructor(readonly problems: string[]) {
    super("bad_certificate", `not a purge certificate: ${problems.join("; ")}`);
  }
}

/**
 * A stored record (a plan's counts, a certificate, an audit entry) that does not parse: the database is
 * wrong, not the caller — so no PurgeError (the API answers it as an internal error). Names the fields.
 */
export class StoredRecordError extends Error {
  constructor(
    readonly record: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`${record} is malformed: ${issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ")}`);
    this.name = "StoredRecordError";
  }
}

const issuesOf = (error: z.ZodError) =>
  error.issues.slice(0, 5).map((i) => ({ path: i.path.map(String).join("."), message: i.message }));

/** Parses a stored value with its zod schema; a malformed one is a StoredRecordError naming the field. */
export function parseStored<S extends z.ZodType>(schema: S, value: unknown, record: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new StoredRecordError(record, issuesOf(parsed.error));
}

/** Parses with a zod schema, turning its issues into an InvalidPurgeInputError. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new InvalidPurgeInputError(
    parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
  );
}
