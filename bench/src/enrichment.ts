// `npm run bench -- enrichment [--rate 50] [--seconds 12] [--json]`: does our code keep up with a
// provider's rate limit? One enrichment job through the real queue and worker against the sandbox in
// its own process (latency and errors off): first with the limiter at --rate lookups per second, then
// with the limiter removed, each over rate × seconds consenting contacts, rates read from the sandbox's
// request log. Then where one lookup's time goes. PGlite, and PostgreSQL too when DATABASE_URL is set.
// Exits 1 only on a broken premise (a contact not called exactly once); a missed target is reported.

import { availableParallelism, loadavg } from "node:os";
import { type DbHandle, openPglite } from "@isoloir/db";
import { openThrowawayPostgres } from "@isoloir/db/testing";
import { type SandboxProcess, startSandboxProcess } from "@isoloir/enrichment/testing";
import { openEmbeddedQueue } from "@isoloir/jobs";
import { breakdown, type Step } from "./enrichment/breakdown";
import { campaign } from "./enrichment/campaign";
import { type PhaseResult, runPhase } from "./enrichment/phase";
import { count, type Ratio, rate, ratio, table, times } from "./lib/report";

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!(value > 0)) throw new Error(`--${name} must be a positive number`);
  return value;
};
const json = process.argv.includes("--json");
const limit = argument("rate", 50);
const size = Math.ceil(limit * argument("seconds", 12));
const provider = "twitter" as const;
const concurrency = 8;
const log = (line: string) => {
  if (!json) console.log(line);
};

interface DatabaseResult {
  database: string;
  limited: PhaseResult;
  unlimited: PhaseResult;
  ratios: Ratio[];
  steps: Step[];
}

async function onDatabase(name: string, handle: DbHandle, sandbox: SandboxProcess): Promise<DatabaseResult> {
  const jobs = await openEmbeddedQueue(handle.db);
  const [first, second] = [
    await campaign(handle.db, provider, size),
    await campaign(handle.db, provider, size),
  ];
  const setup = { db: handle.db, jobs, sandbox, provider, concurrency };
  log(`${name}: a job over ${count(size)} contacts limited to ${limit}/s…`);
  const limited = await runPhase({ ...setup, ratePerSecond: limit }, first);
  log(`${name}: the same with the limiter removed…`);
  const unlimited = await runPhase({ ...setup, ratePerSecond: Number.POSITIVE_INFINITY }, second);
  await jobs.stop({ graceful: true });
  for (const [phase, r] of [
    ["limited", limited],
    ["unlimited", unlimited],
  ] as const) {
    if (r.jobState !== "completed" || r.calls !== size || r.missed !== 0) {
      console.error(
        `BROKEN PREMISE on ${name}, ${phase} run: job ${r.jobState}, ${r.calls} calls for ${size} contacts, ${r.missed} not called exactly once`,
      );
      process.exit(1);
    }
  }
  log(`${name}: where one lookup's time goes…`);
  const steps = await breakdown(handle, sandbox.url, provider, 100);
  const ratios = [
    ratio(`achieved / limit (${limit}/s)`, limited.rate, limit, 0.95),
    ratio("limiter removed / limit", unlimited.rate, limit, 3),
  ];
  return { database: name, limited, unlimited, ratios, steps };
}

function printTable(r: DatabaseResult): void {
  const row = (label: string, p: PhaseResult) => [
    label,
    count(p.calls),
    `${p.spanSeconds.toFixed(1)} s`,
    rate(p.rate),
    count(p.peakPerSecond),
    `${p.wallSeconds.toFixed(1)} s`,
  ];
  log(
    `\n${r.database} — ${provider}, ${count(size)} contacts per run, ${concurrency} lookups at once, sandbox latency and errors off`,
  );
  log(
    table(
      ["run", "calls", "first→last", "rate", "most in 1 s", "job"],
      [row(`limited to ${limit}/s`, r.limited), row("limiter removed", r.unlimited)],
    ),
  );
  log("");
  log(
    table(
      ["ratio", "value", "target", "result"],
      r.ratios.map((x) => [x.name, times(x.value), `≥${times(x.target)}`, x.pass ? "PASS" : "MISS"]),
    ),
  );
  const summed = r.steps.filter((s) => s.inSum !== false);
  const total = summed.reduce((n, s) => n + s.ms, 0);
  log(`\nWhere one lookup's time goes on ${r.database} (each step alone, 100 contacts one after another):`);
  log(
    table(
      ["step", "ms", "queries", "share"],
      [
        ...r.steps.map((s) => [
          s.name,
          s.ms.toFixed(2),
          s.queries.toFixed(2),
          s.inSum === false ? "(not summed)" : `${Math.round((s.ms / total) * 100)}%`,
        ]),
        ["sum", total.toFixed(2), summed.reduce((n, s) => n + s.queries, 0).toFixed(2), "100%"],
      ],
    ),
  );
  log(
    `→ at most ~${rate(1000 / total)} one after another (writes batched); the run without a limiter reached ${rate(r.unlimited.rate)} with ${concurrency} at once`,
  );
}

const sandbox = await startSandboxProcess();
await sandbox.configure({ preset: "off" });
const results: DatabaseResult[] = [];
try {
  const pglite = await openPglite();
  results.push(await onDatabase("pglite", pglite, sandbox));
  await pglite.close();
  const url = process.env.DATABASE_URL;
  if (url) {
    const postgres = await openThrowawayPostgres(url);
    results.push(await onDatabase("postgres", postgres, sandbox));
    await postgres.close();
  }
} finally {
  await sandbox.stop();
}
const machine = {
  node: process.version,
  cpus: availableParallelism(),
  loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10,
};
if (json)
  console.log(
    JSON.stringify({
      benchmark: "enrichment",
      ...machine,
      limit,
      contactsPerRun: size,
      provider,
      concurrency,
      results,
    }),
  );
else {
  for (const r of results) printTable(r);
  log(`\n${machine.node}, ${machine.cpus} CPUs, load average ${machine.loadAverage} at the end`);
}
