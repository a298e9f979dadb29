import { execFileSync } from "node:child_process";

export class PolicyDiffError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PolicyDiffError";
  }
}

export function git(cwd: string, args: string[]): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new PolicyDiffError(`git ${args.join(" ")} failed${stderr ? `: ${stderr}` : ""}`);
  }
}

/** The commit a ref names, or a clear error naming the ref. */
export function resolveCommit(repo: string, ref: string): string {
  try {
    return execFileSync("git", ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], {
      cwd: repo,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    throw new PolicyDiffError(`"${ref}" is not a commit in ${repo}: give a branch, tag or commit`);
  }
}

/** Whether the commit has a policies/ folder (a ref without one is an empty rule set). */
export function hasPolicies(repo: string, commit: string): boolean {
  return git(repo, ["ls-tree", "--name-only", commit, "--", "policies"]) !== "";
}

export function fileAt(repo: string, commit: string, path: string): string | undefined {
  try {
    return execFileSync("git", ["show", `${commit}:${path}`], {
      cwd: repo,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return undefined;
  }
}
