import { execFileSync } from "node:child_process";
import { type Dirent, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { CaseSource } from "./compare";
import { git, PolicyDiffError } from "./git";

/** Where the case files live in a repository (docs/policy-cases.md, "Where cases live"). */
export const CASES_DIR = "policies/cases";

const isCaseFile = (path: string): boolean => {
  const parts = path.split("/");
  const name = parts[parts.length - 1] ?? "";
  return (
    name.endsWith(".json") &&
    name !== "package.json" &&
    !/^tsconfig.*\.json$/.test(name) &&
    !parts.some((p) => p === "node_modules" || p.startsWith("."))
  );
};

/** path (from the repository root) → text of every case file of a commit, read with one `git cat-file --batch`. */
export function caseFilesAtCommit(repo: string, commit: string): Map<string, string> {
  const listing = git(repo, ["ls-tree", "-r", "--name-only", "-z", commit, "--", CASES_DIR]);
  const paths = listing.split("\0").filter((p) => p !== "" && isCaseFile(p));
  if (paths.length === 0) return new Map();
  let batch: Buffer;
  try {
    batch = execFileSync("git", ["cat-file", "--batch"], {
      cwd: repo,
      input: paths.map((p) => `${commit}:${p}\n`).join(""),
      maxBuffer: 512 * 1024 * 1024,
      stdio: ["pipe", "pipe", "pipe"],
    });
  } catch (error) {
    throw new PolicyDiffError(`cannot read the case files of ${commit}: ${(error as Error).message}`);
  }
  const texts = blobs(batch, paths.length);
  return new Map(paths.map((path, i) => [path, texts[i] ?? ""]));
}

/** Splits `git cat-file --batch` output: `<sha> blob <size>\n<content>\n` per object. */
function blobs(batch: Buffer, count: number): string[] {
  const out: string[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    const eol = batch.indexOf(10, at);
    const header = batch.subarray(at, eol).toString("utf8").split(" ");
    const size = Number(header[2]);
    if (header[1] !== "blob" || !Number.isInteger(size))
      throw new PolicyDiffError(`unexpected git output: ${header.join(" ")}`);
    out.push(batch.subarray(eol + 1, eol + 1 + size).toString("utf8"));
    at = eol + 1 + size + 1;
  }
  return out;
}

/** path (from `root`) → text of every case file under `root`/policies/cases on disk. */
export function caseFilesInWorkingTree(root: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // no policies/cases: no case files
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const path = relative(root, full).split(sep).join("/");
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(full);
      } else if (entry.isFile() && isCaseFile(path)) found.set(path, readFileSync(full, "utf8"));
    }
  };
  walk(join(root, CASES_DIR));
  return new Map([...found.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The union of both sides' case files, each with its text on each side. */
export function unionOfCases(base: Map<string, string>, head: Map<string, string>): CaseSource[] {
  const files = [...new Set([...base.keys(), ...head.keys()])].sort();
  return files.map((file) => {
    const b = base.get(file);
    const h = head.get(file);
    return { file, ...(b !== undefined ? { base: b } : {}), ...(h !== undefined ? { head: h } : {}) };
  });
}
