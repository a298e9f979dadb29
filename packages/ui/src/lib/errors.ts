import { TRPCClientError } from "@trpc/client";
import type { TFunction } from "i18next";

const knownCodes = [
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "TOO_MANY_REQUESTS",
  "BAD_REQUEST",
  "CONFLICT",
  "PRECONDITION_FAILED",
] as const;
export type KnownCode = (typeof knownCodes)[number] | "INTERNAL" | "NETWORK";

/** The tRPC error code of a failed call, folded into the few the UI tells apart. */
export function errorCode(error: unknown): KnownCode {
  if (!(error instanceof TRPCClientError)) return "INTERNAL";
  const code: unknown = error.data?.code;
  if (typeof code !== "string") return "NETWORK";
  return (knownCodes as readonly string[]).includes(code) ? (code as KnownCode) : "INTERNAL";
}

/** The server's own message (English, no stack, no SQL) when it is worth showing as a detail. */
export function serverMessage(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const code = errorCode(error);
  return code === "INTERNAL" || code === "NETWORK" ? undefined : error.message;
}

/** Seconds to wait before the next sign-in, read from the throttling message ("… try again in 42 s"). */
export function retryAfterSeconds(error: unknown): number | undefined {
  const match = serverMessage(error)?.match(/(\d+)\s*s\b/);
  return match?.[1] ? Number(match[1]) : undefined;
}

/** A translated sentence for any failed call. */
export function describeError(t: TFunction, error: unknown): string {
  return t(`errors.${errorCode(error)}`);
}
