import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { type FieldIssue, type PolicyCase, parseCase } from "@isoloir/policy";
import { CliError } from "../../errors";

/** A case file that could not be read: the file, and the field path when the JSON parsed. */
export interface MalformedFile {
  file: string;
  path?: string;
  message: string;
}

export type LoadedCase = { file: string; ok: true; value: PolicyCase } | ({ ok: false } & MalformedFile);

const skipped = (name: string): boolean => name === "package.json" || /^tsconfig.*\.json$/.test(name);

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(full, out);
    } else if (entry.isFile() && entry.name.endsWith(".json") && !skipped(entry.name)) {
      out.push(full);
    }
  }
}

/** Files named, and `*.json` under the folders named (recursively), sorted and deduplicated. */
export function collectCaseFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      throw new CliError(`${path}: no such file or folder — give case files or folders that hold them`);
    }
    if (stat.isDirectory()) walk(path, files);
    else files.push(path);
  }
  return [...new Set(files)].sort();
}

export const displayPath = (file: string): string => {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
};

/** Reads and validates one case file; `requireExpect` for `policy check`. */
export function loadCase(file: string, requireExpect: boolean): LoadedCase {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    return { ok: false, file, message: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = parseCase(json);
  if (!parsed.ok) {
    const first = parsed.issues[0] as FieldIssue;
    const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more)` : "";
    return { ok: false, file, path: first.path, message: `${first.message}${more}` };
  }
  if (requireExpect && !parsed.value.expect) {
    return { ok: false, file, path: "expect", message: "required by policy check (the expected verdict)" };
  }
  return { ok: true, file, value: parsed.value };
}

export function describeMalformed(m: MalformedFile): string {
  return `${displayPath(m.file)}: ${m.path ? `${m.path}: ` : ""}${m.message}`;
}
