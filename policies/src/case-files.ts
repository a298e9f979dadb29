import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type PolicyCase, parseCase } from "@isoloir/policy";

/** policies/cases: one folder per pack and rule, plus copies of the public examples. */
export const casesDir = fileURLToPath(new URL("../cases", import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".json") ? [join(dir, e.name)] : [],
  );
}

export interface CaseFile {
  /** path relative to policies/cases */
  file: string;
  case: PolicyCase;
}

/** Every case file, parsed; a malformed file throws with its path and the field. */
export function loadCases(): CaseFile[] {
  return walk(casesDir)
    .sort()
    .map((path) => {
      const parsed = parseCase(JSON.parse(readFileSync(path, "utf8")));
      const file = relative(casesDir, path);
      if (!parsed.ok)
        throw new Error(`${file}: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
      return { file, case: parsed.value };
    });
}
