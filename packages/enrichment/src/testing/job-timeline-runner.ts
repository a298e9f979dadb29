import { recordObjection } from "@isoloir/contacts";
import { contacts, type Db, enrichments, providerAllowList } from "@isoloir/db";
import type { JobQueue } from "@isoloir/jobs";
import { eq, inArray } from "drizzle-orm";
import { ProviderNotAllowedError } from "../jobs/run-job";
import { startEnrichment } from "../jobs/start";
import { hashEmail } from "../providers/email-hash";
import type { Network } from "../providers/types";
import { providerAllowed } from "../runtime";
import { deleteSwitchedOffEnrichment } from "../stored";
import { orgWithSwitch, setSwitch, subscriber, withdraw } from "./fixtures";
import type { Played, PlayedContact } from "./job-timeline-oracle";
import { type ContactPlan, invalidates, type OrgPlan, refusedProviderOf } from "./job-timeline-plan";
import type { SandboxProcess } from "./sandbox-process";

// Plays one scenario through real jobs: sets up the organisations, queues one job per allowed provider,
// commits the planned events at their delays while the jobs run (noting Date.now() right after each
// commit), waits for the jobs, then gathers what the oracle needs.

export interface JobRig {
  db: Db;
  jobs: JobQueue;
  sandbox: SandboxProcess;
  /** every gate pass of the worker so far (EnrichmentDeps.onGatePassed) */
  gatePasses: Played["gatePasses"];
}

interface Org {
  id: string;
  plan: OrgPlan;
  people: { contactId: string; emailHash: string; plan: ContactPlan }[];
}

interface TimedEvent {
  atMs: number;
  commit: () => Promise<void>;
  /** what follows the commit (a switch going off: the deletion of that country's data) */
  afterwards?: () => Promise<void>;
  /** where the commit instant is noted: a contact id, or "org:<id>" */
  key: string;
}

const consentAt = new Date("2026-01-10T10:00:00Z");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

async function setUpOrg(db: Db, plan: OrgPlan): Promise<Org> {
  const org = await orgWithSwitch(db, true);
  await db
    .insert(providerAllowList)
    .values(plan.allowed.map((provider) => ({ orgId: org.id, provider, allowed: true })));
  const ids: string[] = [];
  for (const p of plan.contacts)
    ids.push(await subscriber(db, org.id, p.kind === "never_consents" ? {} : { consentAt }));
  const emails = new Map(
    (
      await db
        .select({ id: contacts.id, email: contacts.email })
        .from(contacts)
        .where(eq(contacts.orgId, org.id))
    ).map((c) => [c.id, c.email ?? ""]),
  );
  const people = plan.contacts.map((p, i) => ({
    contactId: ids[i] ?? "",
    emailHash: hashEmail(emails.get(ids[i] ?? "") ?? ""),
    plan: p,
  }));
  return { id: org.id, plan, people };
}

function eventsOf(db: Db, org: Org): TimedEvent[] {
  const events: TimedEvent[] = org.people.flatMap(({ contactId, plan }): TimedEvent[] => {
    if (plan.kind === "withdraws")
      return [{ atMs: plan.atMs, key: contactId, commit: () => withdraw(db, org.id, contactId, new Date()) }];
    if (plan.kind === "objects_to_all" || plan.kind === "objects_to_channels") {
      const scope = plan.kind === "objects_to_all" ? ("all" as const) : plan.channels;
      return [
        {
          atMs: plan.atMs,
          key: contactId,
          commit: () => recordObjection(db, org.id, contactId, scope, new Date()),
        },
      ];
    }
    return [];
  });
  const off = org.plan.switchOffAtMs;
  if (off !== null) {
    events.push({
      atMs: off,
      key: `org:${org.id}`,
      commit: () => setSwitch(db, org.id, "FR", false),
      afterwards: async () => {
        await deleteSwitchedOffEnrichment(db, {
          orgId: org.id,
          country: "FR",
          orgCountry: "FR",
          actor: "system:test",
        });
      },
    });
  }
  return events;
}

async function playEvents(events: TimedEvent[], startedAt: number): Promise<Map<string, number>> {
  const committed = new Map<string, number>();
  for (const event of [...events].sort((a, b) => a.atMs - b.atMs)) {
    await sleep(startedAt + event.atMs - Date.now());
    await event.commit();
    committed.set(event.key, Date.now());
    await event.afterwards?.();
  }
  return committed;
}

async function waitForJobs(jobs: JobQueue, ids: string[]): Promise<string[]> {
  const states: string[] = [];
  for (const id of ids) {
    for (;;) {
      const job = await jobs.getJob(id);
      if (job && ["completed", "failed", "cancelled"].includes(job.state)) {
        states.push(job.state);
        break;
      }
      await sleep(50);
    }
  }
  return states;
}

async function startJobs(rig: JobRig, orgs: Org[]): Promise<string[]> {
  const ids: string[] = [];
  for (const org of orgs) {
    const contactIds = org.people.map((p) => p.contactId);
    const refused = refusedProviderOf(org.plan);
    if (refused) {
      const attempt = startEnrichment(rig.db, rig.jobs, providerAllowed, {
        orgId: org.id,
        provider: refused,
        contactIds,
        requestedBy: "user:test",
      });
      await attempt.then(
        () => Promise.reject(new Error(`a job for ${refused}, not on the allow-list, was queued`)),
        (error: unknown) => (error instanceof ProviderNotAllowedError ? undefined : Promise.reject(error)),
      );
    }
    for (const provider of org.plan.allowed) {
      ids.push(
        await startEnrichment(rig.db, rig.jobs, providerAllowed, {
          orgId: org.id,
          provider,
          contactIds,
          requestedBy: "user:test",
        }),
      );
    }
  }
  return ids;
}

function playedContacts(orgs: Org[], committed: Map<string, number>): PlayedContact[] {
  return orgs.flatMap((org) =>
    org.people.map(({ contactId, emailHash, plan }) => {
      const own = invalidates(plan) ? committed.get(contactId) : undefined;
      const off = committed.get(`org:${org.id}`);
      const instants = [own, off].filter((x): x is number => x !== undefined);
      return {
        contactId,
        emailHash,
        plan,
        allowed: org.plan.allowed as Network[],
        invalidatedAtMs: instants.length > 0 ? Math.min(...instants) : null,
      };
    }),
  );
}

/** Plays the organisations' plans through real jobs; returns what happened and the jobs' final states. */
export async function playThroughJobs(
  rig: JobRig,
  plans: OrgPlan[],
): Promise<{ played: Played; jobStates: string[] }> {
  const orgs: Org[] = [];
  for (const plan of plans) orgs.push(await setUpOrg(rig.db, plan));
  const jobIds = await startJobs(rig, orgs);
  const startedAt = Date.now();
  const [committed, jobStates] = await Promise.all([
    playEvents(
      orgs.flatMap((o) => eventsOf(rig.db, o)),
      startedAt,
    ),
    waitForJobs(rig.jobs, jobIds),
  ]);
  const people = playedContacts(orgs, committed);
  const ids = new Set(people.map((c) => c.contactId));
  const hashes = new Set(people.map((c) => c.emailHash));
  const rows = await rig.db
    .select({ contactId: enrichments.contactId, provider: enrichments.provider })
    .from(enrichments)
    .where(
      inArray(
        enrichments.orgId,
        orgs.map((o) => o.id),
      ),
    );
  const played: Played = {
    contacts: people,
    log: (await rig.sandbox.log()).filter((e) => e.emailHash !== null && hashes.has(e.emailHash)),
    gatePasses: rig.gatePasses.filter((g) => ids.has(g.contactId)),
    rows,
  };
  return { played, jobStates };
}
