import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../paths";

// `isoloir policy diff` on real refs is covered end to end in packages/policy-diff (a temporary
// repository with two commits); here: its help, its argument errors, and that it opens no database.

const bin = join(repoRoot, "packages/cli/bin/isoloir.js");
const temp = mkdtempSync(join(tmpdir(), "isoloir-policy-diff-cli-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function isoloir(...args: string[]) {
  const run = spawnSync("node", [bin, ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", ISOLOIR_DATA_DIR: join(temp, "no-database-here") },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("isoloir policy diff", () => {
  it("documents the working-tree default, the exit codes and an example in --help", () => {
    const run = isoloir("policy", "diff", "--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: isoloir policy diff [options] <base-ref> [head-ref]");
    expect(run.stdout).toContain("--population <n>");
    expect(run.stdout).toContain("(default: 20000)");
    expect(run.stdout).toContain("Without\n<head-ref>, the head side is this checkout as it is on disk");
    expect(run.stdout).toContain("Exits 0 when nothing flips, 1 when any case or contact");
    expect(run.stdout).toContain("$ isoloir policy diff HEAD");
  }, 30_000);

  it("is listed under isoloir policy", () => {
    const run = isoloir("policy", "--help");
    expect(run.stdout).toMatch(/diff \[options\] <base-ref> \[head-ref\]/);
  }, 30_000);

  it("exits 2 naming an unknown ref, prints nothing on stdout with --json, and opens no database", () => {
    const run = isoloir("--json", "policy", "diff", "no-such-ref-anywhere");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"no-such-ref-anywhere" is not a commit');
    expect(run.stdout).toBe("");
    expect(existsSync(join(temp, "no-database-here"))).toBe(false);
  }, 30_000);

  it("exits 2 on a population that is not a whole number", () => {
    const run = isoloir("policy", "diff", "HEAD", "--population", "1.5");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("give a whole number of contacts");
  }, 30_000);

  it("exits 2 naming a --repo that is not a git repository", () => {
    const run = isoloir("policy", "diff", "HEAD", "--repo", temp);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${temp} is not a git repository`);
  }, 30_000);
});
