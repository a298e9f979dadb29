import {
  type CompiledPolicy,
  caseActionTypes,
  channels,
  type EngineFacts,
  parseEngineFacts,
} from "@isoloir/policy";
import { sameVerdict, transitionOf, verdictOf } from "./verdict";

/** One row of the population table: an action type, and its channel for `contact`. */
export interface PopulationGroup {
  action: string;
  channel?: string;
  contacts: number;
  flipped: number;
  /** how the flipped verdicts changed (`allow → deny`: 12), most frequent first */
  transitions: { change: string; count: number }[];
}

export interface PopulationFlips {
  size: number;
  seed: number;
  /** generated facts this engine does not accept (not evaluated) */
  invalid: number;
  flipped: number;
  groups: PopulationGroup[];
}

const groupOrder = [
  ...channels.map((c) => `contact/${c}`),
  ...caseActionTypes.filter((t) => t !== "contact"),
];
const rank = (key: string): number => {
  const i = groupOrder.indexOf(key);
  return i === -1 ? groupOrder.length : i;
};

function keyOf(facts: EngineFacts): { key: string; action: string; channel?: string } {
  const { action } = facts;
  return action.type === "contact"
    ? { key: `contact/${action.channel}`, action: "contact", channel: action.channel }
    : { key: action.type, action: action.type };
}

/** Evaluates every generated contact under both rule sets and counts the verdicts that flip, per action and channel. Pure. */
export function populationFlips(
  base: CompiledPolicy,
  head: CompiledPolicy,
  facts: readonly unknown[],
  seed: number,
): PopulationFlips {
  const groups = new Map<string, PopulationGroup & { changes: Map<string, number> }>();
  let invalid = 0;
  let flipped = 0;
  for (const raw of facts) {
    const parsed = parseEngineFacts(raw);
    if (!parsed.ok) {
      invalid += 1;
      continue;
    }
    const { key, action, channel } = keyOf(parsed.value);
    let group = groups.get(key);
    if (!group) {
      group = {
        action,
        ...(channel ? { channel } : {}),
        contacts: 0,
        flipped: 0,
        transitions: [],
        changes: new Map(),
      };
      groups.set(key, group);
    }
    group.contacts += 1;
    const before = verdictOf(base.evaluate(parsed.value));
    const after = verdictOf(head.evaluate(parsed.value));
    if (sameVerdict(before, after)) continue;
    flipped += 1;
    group.flipped += 1;
    const change = transitionOf(before, after);
    group.changes.set(change, (group.changes.get(change) ?? 0) + 1);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1))
    .map(([, { changes, ...row }]) => ({
      ...row,
      transitions: [...changes.entries()]
        .map(([change, count]) => ({ change, count }))
        .sort((a, b) => b.count - a.count || (a.change < b.change ? -1 : 1)),
    }));
  return { size: facts.length, seed, invalid, flipped, groups: rows };
}
