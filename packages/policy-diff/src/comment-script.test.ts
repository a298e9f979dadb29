import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// scripts/policy-diff-comment.mjs (what .github/workflows/policy-diff.yml runs), in --dry-run mode
// with a stand-in for isoloir, so neither git nor GitHub is needed.

const script = fileURLToPath(new URL("../../../scripts/policy-diff-comment.mjs", import.meta.url));
const temp = mkdtempSync(join(tmpdir(), "isoloir-policy-diff-comment-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const fake = join(temp, "fake-isoloir.mjs");
writeFileSync(
  fake,
  `import { writeFileSync } from "node:fs";
writeFileSync(process.env.FAKE_ARGS, JSON.stringify(process.argv.slice(2)));
const mode = process.env.FAKE_MODE;
if (mode === "error") { process.stderr.write('isoloir: "origin/gone" is not a commit\\n'); process.exit(2); }
const rules = mode === "long" ? Array.from({ length: 400 }, (_, i) => "#### Added: R" + i + "\\n\\n" + "x".repeat(400)).join("\\n\\n") : "#### Changed: R1";
process.stdout.write("## Policy diff: a → b\\n\\n### Rules: 1 changed\\n\\n" + rules + "\\n\\n### Cases: 1 of 2 cases flip\\n\\n| c |\\n\\n### Generated population: 3 of 10 contacts flip\\n");
process.exit(1);
`,
);

function comment(mode: string, ...args: string[]) {
  const argsFile = join(temp, `${mode}-args.json`);
  const run = spawnSync("node", [script, "--dry-run", ...args], {
    cwd: temp,
    encoding: "utf8",
    env: {
      ...process.env,
      ISOLOIR_BIN: fake,
      FAKE_MODE: mode,
      FAKE_ARGS: argsFile,
      BASE_REF: "main",
      GITHUB_STEP_SUMMARY: "",
    },
  });
  const calledWith = (() => {
    try {
      return JSON.parse(readFileSync(argsFile, "utf8")) as string[];
    } catch {
      return undefined;
    }
  })();
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, calledWith };
}

describe("scripts/policy-diff-comment.mjs", () => {
  it("diffs origin/$BASE_REF against HEAD and prints the marked comment, exiting 0 even when verdicts flip", () => {
    const run = comment("flips", "--out", "out.md", "--population", "10");
    expect(run.code).toBe(0);
    expect(run.calledWith).toEqual(["policy", "diff", "origin/main", "HEAD", "--population", "10"]);
    expect(run.stdout.startsWith("<!-- isoloir-policy-diff -->\n## Policy diff: a → b")).toBe(true);
    expect(readFileSync(join(temp, "out.md"), "utf8")).toBe(run.stdout);
  }, 30_000);

  it("keeps a long report under GitHub's comment limit by cutting the rules section, not the flips", () => {
    const run = comment("long", "--out", "long.md");
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeLessThanOrEqual(65_000);
    expect(run.stdout).toContain(
      "Cut short to fit a comment: run `npx isoloir policy diff origin/main HEAD`",
    );
    expect(run.stdout).toContain("### Cases: 1 of 2 cases flip");
    expect(run.stdout).toContain("### Generated population: 3 of 10 contacts flip");
  }, 30_000);

  it("comments that the diff could not run and exits 1 when isoloir exits 2", () => {
    const run = comment("error", "--base", "origin/gone", "--out", "error.md");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("## Policy diff could not run");
    expect(run.stdout).toContain('"origin/gone" is not a commit');
  }, 30_000);

  it("refuses to run without a base ref", () => {
    const run = spawnSync("node", [script, "--dry-run"], {
      cwd: temp,
      encoding: "utf8",
      env: { ...process.env, BASE_REF: "", GITHUB_BASE_REF: "" },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no base ref");
  }, 30_000);
});
