import { createHash } from "node:crypto";

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A target's erasure digest: says that something was erased, never who. */
export const targetDigest = (planId: string, kind: string, targetId: string) => sha256(`${planId}\u0000${kind}\u0000${targetId}`);

/** A batch digest commits to every target digest of the batch, in order. */
export const batchDigest = (digests: string[]) => sha256(digests.join("\n"));
