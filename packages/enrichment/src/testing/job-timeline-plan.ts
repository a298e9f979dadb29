import { type Channel, channels } from "@isoloir/db";
import fc from "fast-check";
import { type Network, networks } from "../providers/types";

// Timelines played through real jobs: what happens to each contact (and to its organisation's switch)
// while the enrichment jobs run, at a wall-clock delay after the jobs were queued.

export type ContactPlan =
  /** consents and keeps the consent: a positive control */
  | { kind: "keeps" }
  /** never consented: the gate refuses every lookup */
  | { kind: "never_consents" }
  | { kind: "withdraws"; atMs: number }
  | { kind: "objects_to_all"; atMs: number }
  /** an objection to some channels only: enrichment goes on (also a positive control) */
  | { kind: "objects_to_channels"; atMs: number; channels: Channel[] };

export interface OrgPlan {
  /** providers on the allow-list; a job is started for each */
  allowed: Network[];
  /** the organisation's FR switch goes off this long after the jobs were queued (then its data is deleted) */
  switchOffAtMs: number | null;
  contacts: ContactPlan[];
}

/** The contact was never, or stops being, eligible: every call after that must be justified. */
export const invalidates = (plan: ContactPlan) => plan.kind === "withdraws" || plan.kind === "objects_to_all";

/** Events land while the jobs run (a few seconds of lookups at the test's 10 per second per provider). */
export const EVENT_WINDOW_MS = 2_500;
const atMs = fc.integer({ min: 0, max: EVENT_WINDOW_MS });

const contactPlan: fc.Arbitrary<ContactPlan> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: "keeps" as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: "never_consents" as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("withdraws" as const), atMs }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("objects_to_all" as const), atMs }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("objects_to_channels" as const),
      atMs,
      channels: fc.uniqueArray(fc.constantFrom(...channels), { minLength: 1, maxLength: 3 }),
    }),
  },
);

export const orgPlan = (contacts: number): fc.Arbitrary<OrgPlan> =>
  fc.record({
    allowed: fc.shuffledSubarray([...networks], { minLength: 1, maxLength: 2 }),
    switchOffAtMs: fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: atMs }),
    contacts: fc.array(contactPlan, { minLength: contacts, maxLength: contacts }),
  });

/** One run: two or three organisations, their jobs running at once. */
export const scenario = (contactsPerOrg: number) =>
  fc.array(orgPlan(contactsPerOrg), { minLength: 2, maxLength: 3 });

/** A provider the organisation did not allow (its job must be refused whole). */
export const refusedProviderOf = (plan: OrgPlan): Network | undefined =>
  networks.find((n) => !plan.allowed.includes(n));
