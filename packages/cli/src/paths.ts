import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, from the CLI's own location — never from the current directory. */
export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

export const defaultDataDir = join(repoRoot, ".data", "pglite");
