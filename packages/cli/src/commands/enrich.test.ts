import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { countrySettings, openDatabase, organisations, providerAllowList } from "@isoloir/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../paths";

// `isoloir enrich` end to end, on an embedded demo database of its own and the sandbox in its own process.

const bin = join(repoRoot, "packages/cli/bin/isoloir.js");
const temp = mkdtempSync(join(tmpdir(), "isoloir-enrich-cli-"));
const dataDir = join(temp, "pglite");
let sandbox: { child: ChildProcess; url: string } | undefined;

function isoloir(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync("node", [bin, ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: {
      ...process.env,
      DATABASE_URL: "",
      ISOLOIR_DATA_DIR: dataDir,
      ISOLOIR_SANDBOX_URL: "http://127.0.0.1:9",
      ...env,
    },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function switchFranceOn() {
  const database = await openDatabase({ dataDir, holder: "enrich test" });
  const [org] = await database.db.select().from(organisations);
  await database.db
    .insert(countrySettings)
    .values({ orgId: org?.id ?? "", country: "FR", enrichmentEnabled: true });
  await database.db
    .insert(providerAllowList)
    .values({ orgId: org?.id ?? "", provider: "twitter", allowed: true });
  await database.close();
}

function startSandbox(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "apps/sandbox/src/main.ts", "--port", "0"], {
    cwd: repoRoot,
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening on (http:\/\/\S+)/.exec(out);
      if (found?.[1]) resolve({ child, url: found[1] });
    });
    child.once("exit", () => reject(new Error("the sandbox exited")));
  });
}

describe("isoloir enrich", { timeout: 300_000 }, () => {
  beforeAll(async () => {
    expect(isoloir(["seed", "--contacts", "300"]).code).toBe(0);
    sandbox = await startSandbox();
  }, 120_000);
  afterAll(() => {
    sandbox?.child.kill("SIGTERM");
    rmSync(temp, { recursive: true, force: true });
  });

  it("refuses a volunteer, and a filter it does not understand, naming the option", () => {
    const volunteer = isoloir(["enrich", "--provider", "twitter", "--as", "volunteer@demo.isoloir.test"]);
    expect(volunteer.code).toBe(2);
    expect(volunteer.stderr).toMatch(/--as: the role volunteer may not/);
    const filter = isoloir([
      "enrich",
      "--provider",
      "twitter",
      "--as",
      "staff@demo.isoloir.test",
      "--filter",
      "colour=red",
    ]);
    expect(filter.code).toBe(2);
    expect(filter.stderr).toMatch(/--filter: "colour=red"/);
  });

  it("with every switch off, nobody is eligible, and the switch rule says why", () => {
    const run = isoloir([
      "enrich",
      "--provider",
      "twitter",
      "--as",
      "staff@demo.isoloir.test",
      "--dry-run",
      "--json",
    ]);
    expect(run.code).toBe(0);
    const { preview } = JSON.parse(run.stdout) as {
      preview: { eligible: number; total: number; deniedBy: Record<string, number> };
    };
    expect(preview.eligible).toBe(0);
    expect(preview.deniedBy["ORG-ENRICHMENT-SWITCH"]).toBe(preview.total);
  });

  it("once France is switched on, looks every eligible contact up once, and not again within the TTL", async () => {
    await switchFranceOn();
    const down = isoloir(["enrich", "--provider", "twitter", "--as", "staff@demo.isoloir.test"]);
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/the sandbox is not running at http:\/\/127\.0\.0\.1:9/);
    const env = { ISOLOIR_SANDBOX_URL: sandbox?.url ?? "" };
    const run = isoloir(
      ["enrich", "--provider", "twitter", "--as", "staff@demo.isoloir.test", "--json"],
      env,
    );
    expect(run.code).toBe(0);
    const first = JSON.parse(run.stdout) as {
      preview: { eligible: number };
      job: { state: string; output: { counts: Record<string, number> } };
    };
    expect(first.preview.eligible).toBeGreaterThan(0);
    expect(first.job.state).toBe("completed");
    expect((first.job.output.counts.found ?? 0) + (first.job.output.counts.not_found ?? 0)).toBe(
      first.preview.eligible,
    );
    const again = JSON.parse(
      isoloir(["enrich", "--provider", "twitter", "--as", "staff@demo.isoloir.test", "--json"], env).stdout,
    ) as typeof first;
    expect(again.job.output.counts.fresh).toBe(first.preview.eligible);
    expect(isoloir(["audit", "verify"]).code).toBe(0);
  });
});
