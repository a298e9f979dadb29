import { AccountError } from "@isoloir/accounts";
import { ContactError } from "@isoloir/contacts";
import { ProviderNotAllowedError } from "@isoloir/enrichment";
import { SwitchError } from "@isoloir/jurisdictions";
import { PurgeError, type PurgeErrorCode } from "@isoloir/purge";
import { TRPCError } from "@trpc/server";
import { match } from "ts-pattern";
import { ZodError } from "zod";

/** The one place where domain errors become tRPC errors. Unknown errors never leak a stack or SQL. */
export function toTrpcError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof AccountError) {
    const code = match(error.code)
      .with("invalid_credentials", () => "UNAUTHORIZED" as const)
      .with("throttled", () => "TOO_MANY_REQUESTS" as const)
      .with("forbidden", () => "FORBIDDEN" as const)
      .with("not_found", () => "NOT_FOUND" as const)
      .with("conflict", "last_owner", () => "CONFLICT" as const)
      .with("expired", () => "PRECONDITION_FAILED" as const)
      .exhaustive();
    return new TRPCError({ code, message: error.message, cause: error });
  }
  if (error instanceof ContactError) {
    const code = match(error.code)
      .with("suppressed", () => "CONFLICT" as const)
      .with("invalid_identity", () => "BAD_REQUEST" as const)
      .with("not_found", () => "NOT_FOUND" as const)
      .exhaustive();
    return new TRPCError({ code, message: error.message, cause: error });
  }
  if (error instanceof SwitchError) {
    const code = match(error.code)
      .with("justification_required", "cnil_confirmation_required", () => "BAD_REQUEST" as const)
      .exhaustive();
    return new TRPCError({ code, message: error.message, cause: error });
  }
  if (error instanceof ProviderNotAllowedError) {
    return new TRPCError({ code: "PRECONDITION_FAILED", message: error.message, cause: error });
  }
  if (error instanceof PurgeError) {
    return new TRPCError({ code: purgeCode(error.code), message: error.message, cause: error });
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const message = issue ? `${issue.path.join(".") || "input"}: ${issue.message}` : "invalid input";
    return new TRPCError({ code: "BAD_REQUEST", message, cause: error });
  }
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "something went wrong on our side" });
}

/** Every purge error code (`purgeErrorCodes`) has its tRPC code; a new one fails to compile here. */
export const purgeCode = (code: PurgeErrorCode) =>
  match(code)
    .with("invalid_input", "bad_certificate", () => "BAD_REQUEST" as const)
    .with("not_found", () => "NOT_FOUND" as const)
    .with(
      "forbidden",
      "four_eyes",
      "four_eyes_granted_by_planner",
      "four_eyes_recent_grant",
      () => "FORBIDDEN" as const,
    )
    .with("wrong_state", "plan_mismatch", () => "CONFLICT" as const)
    .with("expired", "missing_signing_key", () => "PRECONDITION_FAILED" as const)
    .exhaustive();
