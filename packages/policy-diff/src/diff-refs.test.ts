import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PolicyDiffReport } from "./compare";
import { installDependencies } from "./dependencies";

// End to end on a real git repository: a copy of this monorepo's files (tracked and new) in a
// temporary repository with two commits, the second narrowing one rule. The copy gets its
// dependencies linked from this checkout (as a worktree with an identical lockfile does), so no
// npm ci runs, and the copy's own `isoloir` is the running engine.

const monorepo = fileURLToPath(new URL("../../..", import.meta.url));
const temp = mkdtempSync(join(tmpdir(), "isoloir-policy-diff-it-"));
const repo = join(temp, "repo");
let emptyCommit = "";

function sh(cwd: string, command: string, args: string[], input?: string): string {
  const run = spawnSync(command, args, { cwd, encoding: "utf8", ...(input !== undefined ? { input } : {}) });
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout.trim();
}
const git = (...args: string[]) =>
  sh(repo, "git", [
    "-c",
    "user.name=test",
    "-c",
    "user.email=test@example.invalid",
    "-c",
    "commit.gpgsign=false",
    ...args,
  ]);

function isoloir(...args: string[]) {
  const run = spawnSync("node", [join(repo, "packages/cli/bin/isoloir.js"), ...args], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", ISOLOIR_DATA_DIR: join(temp, "no-database-here") },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function copyMonorepo(): void {
  const files = sh(monorepo, "git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]).split(
    "\0",
  );
  for (const file of files) {
    if (file === "" || !existsSync(join(monorepo, file))) continue; // deleted but still tracked
    mkdirSync(dirname(join(repo, file)), { recursive: true });
    copyFileSync(join(monorepo, file), join(repo, file));
  }
}

/** Commit 2: ORG-SUPPRESSION-LIST applies to imports only (no longer to contact and enrich). */
function narrowSuppressionRule(): void {
  const file = join(repo, "policies/src/org/index.ts");
  const source = readFileSync(file, "utf8");
  const edited = source.replace(
    /(id: "ORG-SUPPRESSION-LIST",[\s\S]*?actions: )\["import", "contact", "enrich"\]/,
    '$1["import"]',
  );
  if (edited === source)
    throw new Error("the ORG-SUPPRESSION-LIST rule no longer has the actions this test narrows");
  writeFileSync(file, edited);
}

beforeAll(() => {
  mkdirSync(repo);
  copyMonorepo();
  installDependencies(repo, monorepo, true);
  git("init", "--quiet", "--initial-branch=main");
  writeFileSync(join(repo, ".git/info/exclude"), "node_modules\n"); // the linked node_modules are symlinks
  git("add", "--all");
  git("commit", "--quiet", "--message", "the rules as they are");
  narrowSuppressionRule();
  git("commit", "--quiet", "--all", "--message", "narrow ORG-SUPPRESSION-LIST to imports");
  const emptyTree = git("hash-object", "-t", "tree", "/dev/null");
  emptyCommit = git("commit-tree", emptyTree, "-m", "before the rules existed");
}, 120_000);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("isoloir policy diff on a real repository", () => {
  it("names the changed rule, lists the verdicts that flip and exits 1", () => {
    const run = isoloir("policy", "diff", "HEAD~1", "HEAD", "--population", "2000");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^## Policy diff: `\d+\.\d+\.\d+\+[0-9a-f]{12}` → `\d+\.\d+\.\d+\+[0-9a-f]{12}`/,
    );
    expect(run.stdout).toContain("#### Changed: `ORG-SUPPRESSION-LIST`");
    expect(run.stdout).toContain("Fields changed: `actions`.");
    expect(run.stdout).toContain("**Verdicts flip**");
    expect(run.stdout).toMatch(
      /\| `policies\/cases\/[^`]+\.json` \| deny \([^)]*ORG-SUPPRESSION-LIST[^)]*\) \|/,
    );
    expect(run.stdout).toMatch(/\| contact \| sms \| [\d,]+ \| [1-9][\d,]* \|/);
  }, 120_000);

  it("compares a ref with the working tree when no head ref is given, as .ci/run does", () => {
    const run = isoloir("--json", "policy", "diff", "HEAD~1", "--population", "500");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as PolicyDiffReport;
    expect(report.base.dependencies).toBe("linked");
    expect(report.head).toMatchObject({ label: "working tree", dependencies: "in-process" });
    expect(report.rules.changed.map((r) => r.id)).toEqual(["ORG-SUPPRESSION-LIST"]);
    expect(report.cases.flipped.length).toBeGreaterThan(0);
    expect(report.flips).toBe(report.cases.flipped.length + report.population.flipped);
  }, 120_000);

  it("finds nothing between a ref and itself and exits 0", () => {
    const run = isoloir("policy", "diff", "HEAD", "HEAD", "--population", "500");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("**No verdict flips**");
    expect(run.stdout).toContain("### Rules: 0 added, 0 removed, 0 changed");
  }, 120_000);

  it("exits 2 naming an unknown ref, base or head", () => {
    const base = isoloir("policy", "diff", "no-such-ref");
    expect(base.code).toBe(2);
    expect(base.stderr).toContain('"no-such-ref" is not a commit');
    expect(base.stdout).toBe("");
    const head = isoloir("policy", "diff", "HEAD", "nor-this-one");
    expect(head.code).toBe(2);
    expect(head.stderr).toContain('"nor-this-one" is not a commit');
  }, 120_000);

  it("reads a ref without policies/ as an empty rule set: every rule added", () => {
    const run = isoloir("--json", "policy", "diff", emptyCommit, "HEAD", "--population", "0");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as PolicyDiffReport;
    expect(report.base).toMatchObject({ policySetVersion: null, rules: 0, dependencies: "none" });
    expect(report.head.rules).toBeGreaterThan(10);
    expect(report.rules.added).toHaveLength(report.head.rules);
    expect(report.rules).toMatchObject({ removed: [], changed: [], unchanged: 0 });
    expect(report.cases.flipped.length).toBeGreaterThan(0);
    expect(existsSync(join(temp, "no-database-here"))).toBe(false);
  }, 120_000);
});
