import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../paths";

// The README's purge walkthrough, as written, on a fresh embedded database of its own.

const bin = join(repoRoot, "packages/cli/bin/isoloir.js");
const temp = mkdtempSync(join(tmpdir(), "isoloir-purge-cli-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function isoloir(...args: string[]) {
  const run = spawnSync("node", [bin, ...args], {
    cwd: temp,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", ISOLOIR_DATA_DIR: join(temp, "pglite") },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("isoloir purge", { timeout: 300_000 }, () => {
  it("plans, refuses an approver without the compliance role, approves, runs, verifies, and catches a forged certificate", () => {
    expect(isoloir("seed", "--contacts", "150").code).toBe(0);
    const plan = isoloir(
      "purge",
      "plan",
      "--reason",
      "all",
      "--as",
      "admin@demo.isoloir.test",
      "--out",
      "plan.json",
    );
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/Takes \d+ targets/);
    expect(plan.stdout).toContain("match_without_consent");
    const doc = JSON.parse(readFileSync(join(temp, "plan.json"), "utf8")) as {
      planId: string;
      counts: { targets: number };
    };
    expect(readFileSync(join(temp, "plan.json"), "utf8")).not.toMatch(
      /@(courriel|laposte|orange|free|mail)\.example/,
    );

    const own = isoloir("purge", "approve", "plan.json", "--as", "admin@demo.isoloir.test");
    expect(own.code).toBe(2);
    expect(own.stderr).toMatch(/may not do this/);
    expect(isoloir("purge", "approve", "plan.json", "--as", "compliance@demo.isoloir.test").code).toBe(0);

    const run = isoloir(
      "--json",
      "purge",
      "run",
      "plan.json",
      "--as",
      "admin@demo.isoloir.test",
      "--certificate",
      "purge-certificate.json",
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      run: { state: "completed", deleted: doc.counts.targets },
    });
    expect(readFileSync(join(temp, "purge-certificate.html"), "utf8")).toContain("Purge certificate");

    const verify = isoloir("purge", "verify", "purge-certificate.json");
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/verified\.$/m);
    const forged = JSON.parse(readFileSync(join(temp, "purge-certificate.json"), "utf8")) as {
      body: { counts: { deleted: number } };
    };
    forged.body.counts.deleted += 1;
    writeFileSync(join(temp, "forged.json"), JSON.stringify(forged));
    const bad = isoloir("purge", "verify", "forged.json");
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/✗ signature/);
    writeFileSync(join(temp, "junk.json"), "{}");
    expect(isoloir("purge", "verify", "junk.json").code).toBe(2);
    const certificate = () =>
      JSON.parse(readFileSync(join(temp, "purge-certificate.json"), "utf8")) as {
        body: { run: { id?: string }; counts: { deleted: unknown } };
      };
    const missing = certificate();
    delete missing.body.run.id;
    writeFileSync(join(temp, "missing.json"), JSON.stringify(missing));
    const typed = certificate();
    typed.body.counts.deleted = "12";
    writeFileSync(join(temp, "typed.json"), JSON.stringify(typed));
    for (const [file, field] of [
      ["missing.json", "body.run.id"],
      ["typed.json", "body.counts.deleted"],
    ] as const) {
      const refused = isoloir("purge", "verify", file);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`${file}: not a purge certificate: ${field}`);
    }
  });

  it("names a wrong reason, a plan that is not a plan file, and a member without the role, exiting 2", () => {
    const reason = isoloir("purge", "plan", "--reason", "because", "--as", "admin@demo.isoloir.test");
    expect(reason.code).toBe(2);
    expect(reason.stderr).toMatch(/unknown reason because; choose from all, objected_all/);
    writeFileSync(join(temp, "not-a-plan.json"), "{}");
    expect(isoloir("purge", "run", "not-a-plan.json", "--as", "admin@demo.isoloir.test").stderr).toMatch(
      /is not a plan file \(format: .*\)/,
    );
    expect(isoloir("purge", "plan", "--reason", "all", "--as", "staff@demo.isoloir.test").code).toBe(2);
  });
});
