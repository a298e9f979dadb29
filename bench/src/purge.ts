// `npm run bench -- purge [--contacts N] [--batch-size N] [--json]`: a purge of N contacts (default
// 500,000) with their cascades on PostgreSQL, timed against a plain cascading DELETE of the same rows
// in the same run. The purge's time includes its drift checks, erasure records, audit entries,
// suppressions, queued-work scrub and the signed certificate. Needs DATABASE_URL; works in a
// database of its own, dropped at the end.

import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { verifyAuditChain } from "@isoloir/audit";
import { generateSigningKey, installHmacKey, openPostgres, rows } from "@isoloir/db";
import { approvePlan, planPurge, publicKeyOf, reasonKeys, runPurge, verifyCertificate } from "@isoloir/purge";
import { sql } from "drizzle-orm";
import pg from "pg";
import { count, table } from "./lib/report";
import { benchOrg } from "./purge/org";
import { at, baselineTargets, insertAssignments, insertPopulation, tableCounts } from "./purge/population";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} takes a whole number, got ${process.argv[i + 1]}`);
  return value;
};
const SIZE = arg("--contacts", 500_000);
const BATCH = arg("--batch-size", 1000);
const json = process.argv.includes("--json");
const log = (line: string) => !json && console.log(line);
const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    "the purge benchmark runs on PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)",
  );
  process.exit(2);
}
const hmacKey = "bench-hmac-key";
installHmacKey(hmacKey); // the audit log MACs its entries under it
const signingKey = generateSigningKey();
const seconds: Record<string, number> = {};
const cpuSeconds: Record<string, number> = {};
let backendPid = 0;
/** CPU seconds (user + system) of the one PostgreSQL backend the benchmark uses, from /proc (Linux, local server). */
function backendCpu(): number {
  try {
    const fields = readFileSync(`/proc/${backendPid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}
/** Wall time, and CPU time of this process plus its database backend: on a shared machine the CPU figure moves less. */
async function phase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const [start, node, db] = [performance.now(), process.cpuUsage(), backendCpu()];
  const result = await work();
  const used = process.cpuUsage(node);
  seconds[name] = Math.round((performance.now() - start) / 10) / 100;
  const nodeCpu = (used.user + used.system) / 1e6;
  cpuSeconds[name] = Math.round((nodeCpu + (backendCpu() - db)) * 100) / 100;
  log(`  ${name}: ${seconds[name]} s (cpu ${cpuSeconds[name]} s, of which node ${nodeCpu.toFixed(2)} s)`);
  return result;
}

const name = `isoloir_bench_purge_${Date.now().toString(36)}`;
const admin = async (statement: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(statement).finally(() => client.end());
};
await admin(`create database ${name}`);
const target = new URL(url);
target.pathname = `/${name}`;
// one connection: every phase runs on the same backend, whose CPU time /proc gives
const handle = await openPostgres(target.toString(), { max: 1 });
try {
  const db = handle.db;
  backendPid = (await rows<{ pid: number }>(db, sql`select pg_backend_pid() as pid`))[0]?.pid ?? 0;
  log(
    `Seeding 2 × ${count(SIZE)} contacts with their provenance, consents, objections, enrichments and assignments…`,
  );
  const [purged, plain] = [await benchOrg(db, "purged"), await benchOrg(db, "plain")];
  await phase("seed", async () => {
    for (const org of [purged, plain]) {
      await insertPopulation(db, org, SIZE);
      await insertAssignments(db, org, SIZE, org.members.volunteer);
    }
    await db.execute(sql`vacuum analyze`);
  });
  const before = await tableCounts(db, purged.id);
  const ctx = (userId: string) => ({ orgId: purged.id, userId, hmacKey });
  log("Planning (all reasons), approving, running…");
  const plan = await phase("plan", () =>
    planPurge(db, ctx(purged.members.planner), { reasons: [...reasonKeys], at }),
  );
  await approvePlan(db, ctx(purged.members.approver), { planId: plan.id, now: at });
  const outcome = await phase("purge", () =>
    runPurge(
      db,
      { ...ctx(purged.members.runner), signingKey },
      { planId: plan.id, batchSize: BATCH, now: at },
    ),
  );
  const after = await tableCounts(db, purged.id);
  const expected = baselineTargets(plain, SIZE);
  log("Baseline: one cascading DELETE of the same contacts, and of the same single rows…");
  const baseline = await phase("baseline", () =>
    db.transaction(async (tx) => {
      const [c] = await rows<{ n: number }>(
        tx,
        sql`with d as (delete from contacts where org_id = ${plain.id}::uuid and id in (${expected.contacts}) returning 1) select count(*)::int as n from d`,
      );
      const [p] = await rows<{ n: number }>(
        tx,
        sql`with d as (delete from provenance where org_id = ${plain.id}::uuid and id in (${expected.rows}) returning 1) select count(*)::int as n from d`,
      );
      return { contacts: c?.n ?? 0, rows: p?.n ?? 0 };
    }),
  );
  const plainAfter = await tableCounts(db, plain.id);
  const premise = [
    [outcome.run.state === "completed", `purge run ${outcome.run.state}`],
    [
      baseline.contacts === plan.counts.wholeContacts &&
        baseline.rows === plan.counts.targets - plan.counts.wholeContacts,
      `baseline deleted ${baseline.contacts} contacts + ${baseline.rows} rows, the plan ${plan.counts.wholeContacts} + ${plan.counts.targets - plan.counts.wholeContacts}`,
    ],
    [
      JSON.stringify(after) === JSON.stringify(plainAfter),
      `rows left differ: purge ${JSON.stringify(after)}, baseline ${JSON.stringify(plainAfter)}`,
    ],
    [!(await verifyAuditChain(db, purged.id)).firstBroken, "audit chain broken"],
    [
      (await verifyCertificate(db, outcome.certificate, { installationPublicKey: publicKeyOf(signingKey) }))
        .ok,
      "certificate does not verify",
    ],
  ] as const;
  const broken = premise.filter(([ok]) => !ok).map(([, why]) => why);
  if (broken.length > 0) {
    console.error(`BROKEN PREMISE: ${broken.join("; ")}`);
    process.exitCode = 1;
  }
  const ratio = (seconds.purge ?? 0) / (seconds.baseline ?? 1);
  const cpuRatio = (cpuSeconds.purge ?? 0) / (cpuSeconds.baseline ?? 1);
  const withPlan = ((seconds.purge ?? 0) + (seconds.plan ?? 0)) / (seconds.baseline ?? 1);
  const result = {
    benchmark: "purge",
    node: process.version,
    cpus: availableParallelism(),
    loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10,
    contacts: SIZE,
    batchSize: BATCH,
    batches: outcome.run.batches,
    targets: plan.counts.targets,
    wholeContacts: plan.counts.wholeContacts,
    deletedPerTable: Object.fromEntries(Object.entries(before).map(([t, n]) => [t, n - (after[t] ?? 0)])),
    seconds,
    cpuSeconds,
    ratio: Math.round(ratio * 100) / 100,
    cpuRatio: Math.round(cpuRatio * 100) / 100,
    ratioWithPlanning: Math.round(withPlan * 100) / 100,
    target: { max: 2.0, pass: ratio <= 2.0 },
    stretch: { max: 1.75, pass: ratio <= 1.75 },
  };
  if (json) console.log(JSON.stringify(result));
  else {
    log("");
    log(
      table(
        ["table", "rows deleted"],
        Object.entries(result.deletedPerTable).map(([t, n]) => [t, count(n)]),
      ),
    );
    log("");
    log(
      table(
        ["ratio", "value", "target", "result"],
        [
          [
            "purge run / plain cascading DELETE",
            `${result.ratio.toFixed(2)}×`,
            "≤2.00×",
            result.target.pass ? "PASS" : "MISS",
          ],
          ["  (stretch)", "", "≤1.75×", result.stretch.pass ? "PASS" : "MISS"],
          [
            "the same in CPU time (this process + its database backend)",
            `${result.cpuRatio.toFixed(2)}×`,
            "",
            "",
          ],
          ["(plan + run) / plain DELETE, for information", `${result.ratioWithPlanning.toFixed(2)}×`, "", ""],
        ],
      ),
    );
    log(
      `\n${count(plan.counts.targets)} targets (${count(plan.counts.wholeContacts)} whole contacts) in ${result.batches} batches of ${BATCH}; ${process.version}, ${result.cpus} CPUs, load average ${result.loadAverage} at the end`,
    );
  }
} finally {
  await handle.close();
  await admin(`drop database if exists ${name} with (force)`);
}
