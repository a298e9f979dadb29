import type { DbHandle } from "@isoloir/db";
import { testDatabases } from "@isoloir/db/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgBatch } from "../testing/timeline-arbitraries";
import { mutations } from "../testing/timeline-model";
import {
  addStats,
  type BatchStats,
  emptyStats,
  playOrgBatch,
  TimelineMismatch,
} from "../testing/timeline-runner";

// 10,000 random consent timelines per database through the gate, with a fake clock: 100 organisations
// of 100 contacts, each contact its own timeline, all of an organisation's contacts sharing its switch.
// On PostgreSQL four organisations play at once (a query's round trip is the cost there); PGlite runs
// one query at a time anyway, so it plays them one by one. A run stops at the first disagreement (no
// shrinking of 100-contact batches): the message names the contact's timeline, the switch timeline and
// the instant, and fast-check prints the seed to replay.
const ORGS = 100;
const CONTACTS = 100;
/**
 * The suite's budget is 3 minutes per database. A test must not fail for being slow on a loaded
 * machine, so the timeout is wider; the annotation gives wall and CPU seconds.
 */
const TIMEOUT_MS = 600_000;

const deniedBy = (stats: BatchStats, ruleId: string) =>
  Object.entries(stats.verdicts)
    .filter(([verdict]) => verdict.split("+").includes(ruleId))
    .reduce((n, [, checks]) => n + checks, 0);

describe.each(testDatabases())("consent timelines through the gate on $name", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(async () => handle?.close());

  it(`answers as the model at every check of ${ORGS * CONTACTS} random timelines`, {
    timeout: TIMEOUT_MS,
  }, async ({ annotate }) => {
    const together = target.name === "postgres" ? 4 : 1;
    let total = emptyStats();
    const started = performance.now();
    const cpu = process.cpuUsage();
    await fc.assert(
      fc.asyncProperty(
        fc.array(orgBatch(CONTACTS), { minLength: together, maxLength: together }),
        async (batches) => {
          for (const stats of await Promise.all(batches.map((b) => playOrgBatch(handle.db, b))))
            total = addStats(total, stats);
        },
      ),
      { numRuns: ORGS / together, endOnFailure: true },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const used = process.cpuUsage(cpu);
    const cpuSeconds = ((used.user + used.system) / 1e6).toFixed(1);
    expect(total.timelines).toBeGreaterThanOrEqual(10_000);
    // every way the gate answers occurs often: allowed, and refused for each reason
    expect(total.verdicts.allow).toBeGreaterThan(1_000);
    for (const ruleId of [
      "ORG-ENRICHMENT-SWITCH",
      "FR-CNIL-SOCIAL-ENRICHMENT",
      "ORG-CONSENT-EVIDENCE",
      "EU-GDPR-ART21-OBJECTION",
    ]) {
      expect(deniedBy(total, ruleId), ruleId).toBeGreaterThan(300);
    }
    await annotate(
      `${target.name}: ${total.timelines} timelines, ${total.events} events, ${total.checks} checks, ${total.verdicts.allow} allowed, in ${seconds} s (${cpuSeconds} s of this process's CPU)`,
    );
  });

  it.each(mutations)("catches a model that %s", { timeout: 60_000 }, async (mutation) => {
    const details = await fc.check(
      fc.asyncProperty(orgBatch(50), async (batch) => {
        await playOrgBatch(handle.db, batch, mutation);
      }),
      { numRuns: 20, endOnFailure: true },
    );
    expect(details.failed).toBe(true);
    expect(details.errorInstance).toBeInstanceOf(TimelineMismatch);
  });
});
