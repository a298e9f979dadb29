import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installDependencies } from "./dependencies";
import { fileAt, git, hasPolicies, PolicyDiffError, resolveCommit } from "./git";

export interface RefExport {
  ref: string;
  commit: string;
  /** the ref's rule set, exported by the ref's own engine; null when the ref has no policies/ */
  exported: unknown | null;
  dependencies: "linked" | "installed" | "none";
}

/**
 * Checks `ref` out in a temporary git worktree with its own dependencies and runs that ref's own
 * `isoloir policy export` there, so each side of a diff is read by the engine it shipped with.
 */
export function exportAtRef(repo: string, ref: string): RefExport {
  const commit = resolveCommit(repo, ref);
  if (!hasPolicies(repo, commit)) return { ref, commit, exported: null, dependencies: "none" };
  const worktree = mkdtempSync(join(tmpdir(), "isoloir-policy-diff-"));
  git(repo, ["worktree", "add", "--detach", "--force", worktree, commit]);
  try {
    const sameLockfile = fileAt(repo, commit, "package-lock.json") === readCurrentLockfile(repo);
    const dependencies = installRefDependencies(worktree, repo, sameLockfile, ref);
    const stdout = runExport(worktree, ref);
    return { ref, commit, exported: parseExportOutput(stdout, ref), dependencies };
  } finally {
    try {
      git(repo, ["worktree", "remove", "--force", worktree]);
    } finally {
      rmSync(worktree, { recursive: true, force: true });
    }
  }
}

function installRefDependencies(worktree: string, repo: string, sameLockfile: boolean, ref: string) {
  try {
    return installDependencies(worktree, repo, sameLockfile);
  } catch (error) {
    const why = error instanceof PolicyDiffError ? error.message : (error as Error).message;
    throw new PolicyDiffError(
      `cannot install the dependencies of ${ref} (its package-lock.json differs from this checkout's): ${why}`,
    );
  }
}

function parseExportOutput(stdout: string, ref: string): unknown {
  try {
    return JSON.parse(stdout) as unknown;
  } catch {
    throw new PolicyDiffError(`"isoloir policy export" at ${ref} did not print a JSON rule set`);
  }
}

function readCurrentLockfile(repo: string): string | undefined {
  try {
    return readFileSync(join(repo, "package-lock.json"), "utf8");
  } catch {
    return undefined;
  }
}

function runExport(worktree: string, ref: string): string {
  try {
    return execFileSync("node", [join(worktree, "packages/cli/bin/isoloir.js"), "policy", "export"], {
      cwd: worktree,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new PolicyDiffError(`"isoloir policy export" failed at ${ref}${stderr ? `: ${stderr}` : ""}`);
  }
}
