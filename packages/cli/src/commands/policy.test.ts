import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../paths";

const bin = join(repoRoot, "packages/cli/bin/isoloir.js");
const publicCase = join(
  repoRoot,
  "policies/cases/public/01-newsletter-subscriber-who-opted-in-may-get-a-political-email.json",
);
const temp = mkdtempSync(join(tmpdir(), "isoloir-policy-cli-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function isoloir(...args: string[]) {
  const run = spawnSync("node", [bin, ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", ISOLOIR_DATA_DIR: join(temp, "no-database-here") },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function writeCase(dir: string, name: string, edit: (c: Record<string, unknown>) => void): string {
  const kase = JSON.parse(readFileSync(publicCase, "utf8")) as Record<string, unknown>;
  edit(kase);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(kase, null, 2));
  return file;
}

describe("isoloir policy check", { timeout: 60_000 }, () => {
  it("passes the project's cases and exits 0, with the closing line alone", () => {
    const run = isoloir("policy", "check", "policies/cases");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+ passed, 0 failed\n$/m);
  });

  it("reports a case whose expectation is wrong and exits 1", () => {
    const dir = join(temp, "wrong");
    writeCase(dir, "wrong.json", (c) => {
      c.name = "a wrong expectation";
      c.expect = { decision: "deny", rules: ["FR-CNIL-EMAIL-OPTIN"] };
    });
    const run = isoloir("policy", "check", dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("FAIL a wrong expectation");
    expect(run.stdout).toContain("expected deny");
    expect(run.stdout).toContain("got allow");
    expect(run.stdout).toMatch(/^0 passed, 1 failed$/m);
  });

  it("names the file and the field of a malformed case and exits 2", () => {
    const dir = join(temp, "malformed");
    const file = writeCase(dir, "typo.json", (c) => {
      (c.contact as Record<string, unknown>).sorce = "newsletter_signup";
    });
    const run = isoloir("policy", "check", dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("typo.json");
    expect(run.stderr).toContain("contact.sorce: unknown field");
    expect(file).toContain(dir);
  });

  it("skips package.json and tsconfig files and prints one JSON object with --json", () => {
    const dir = join(temp, "skips");
    cpSync(publicCase, join(dir, "nested", "case.json"), { recursive: true });
    writeFileSync(join(dir, "package.json"), "{}");
    writeFileSync(join(dir, "tsconfig.base.json"), "{}");
    const run = isoloir("--json", "policy", "check", dir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { passed: number; failed: number; policySetVersion: string };
    expect(report).toMatchObject({ passed: 1, failed: 0 });
    expect(report.policySetVersion).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
  });
});

describe("isoloir policy eval, rules, explain, export", { timeout: 60_000 }, () => {
  it("prints the decision of one case as JSON", () => {
    const run = isoloir("policy", "eval", publicCase);
    expect(run.code).toBe(0);
    const decision = JSON.parse(run.stdout) as {
      decision: string;
      reasons: { ruleId: string; sentence: string }[];
      obligations: string[];
    };
    expect(decision.decision).toBe("allow");
    expect(decision.obligations).toEqual(expect.arrayContaining(["identify_sender", "offer_opt_out"]));
    expect(decision.reasons[0]).toHaveProperty("sentence");
  });

  it("lists one jurisdiction's rules with their basis and citations", () => {
    const run = isoloir("policy", "rules", "--jurisdiction", "UK");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("UK-PECR-CHANNELS");
    expect(run.stdout).toContain("ORG-CONSENT-EVIDENCE");
    expect(run.stdout).not.toContain("FR-CNIL-EMAIL-OPTIN");
    expect(run.stdout).toContain("to be checked against the primary text");
  });

  it("explains a rule in French and suggests near ids for an unknown one", () => {
    const fr = isoloir("policy", "explain", "FR-CNIL-EMAIL-OPTIN", "--lang", "fr");
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain("Interdit");
    const unknown = isoloir("policy", "explain", "FR-CNIL-EMAIL-OPTN");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("FR-CNIL-EMAIL-OPTIN");
  });

  it("exports the rule set as canonical JSON", () => {
    const run = isoloir("policy", "export");
    expect(run.code).toBe(0);
    const exported = JSON.parse(run.stdout) as { policySetVersion: string; rules: { id: string }[] };
    expect(exported.rules.map((r) => r.id)).toContain("ORG-SUPPRESSION-LIST");
    expect(run.stdout.trim()).toBe(JSON.stringify(exported).replace(/\n/g, ""));
  });

  it("prints the rule reference as markdown, and --check tells a stale copy from a current one", () => {
    const run = isoloir("policy", "reference");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Rule reference\n/);
    expect(run.stdout).toContain("### ORG-SUPPRESSION-LIST");
    const current = join(temp, "rules.md");
    writeFileSync(current, run.stdout);
    expect(isoloir("policy", "reference", "--check", current).code).toBe(0);
    const stale = join(temp, "stale-rules.md");
    writeFileSync(stale, run.stdout.replace("ORG-SUPPRESSION-LIST", "ORG-SUPPRESSION"));
    const check = isoloir("--json", "policy", "reference", "--check", stale);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout)).toMatchObject({ file: stale, upToDate: false });
    expect(isoloir("policy", "reference", "--check", join(temp, "missing.md")).code).toBe(2);
  });

  it("never opens or creates a database", () => {
    isoloir("policy", "rules");
    isoloir("policy", "reference");
    expect(existsSync(join(temp, "no-database-here"))).toBe(false);
  });
});
