import { createHash } from "node:crypto";

export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/**
 * A target's erasure digest: says that something was erased, never who. The run computes it in SQL
 * (`encode(sha256(convert_to(plan_id || ':' || kind || ':' || target_id, 'UTF8')), 'hex')`); this is the
 * same function, for tests and for anyone holding an id who wants to check it was erased.
 */
export const targetDigest = (planId: string, kind: string, targetId: string): string =>
  sha256(`${planId}:${kind}:${targetId}`);

/** A batch digest commits to the digests of its targets, sorted, one a line. */
export const batchDigest = (digests: readonly string[]): string => sha256([...digests].sort().join("\n"));
