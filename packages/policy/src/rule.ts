import type { Node } from "./nodes";
import type * as V from "./vocabulary";
import { packs } from "./vocabulary";

/** Catalogue basis tag: P primary text read, R regulator page, S secondary summary, K background knowledge. */
export type Basis = "P" | "R" | "S" | "K";
export type Force = "LAW" | "CASE" | "CNIL-RECO" | "DERIVED" | "PLATFORM";
export type Severity = "critical" | "high" | "medium" | "low";

export interface Citation {
  /** key in the catalogue's References table, e.g. "S12" */
  ref?: string;
  text: string;
  article?: string;
  date?: string;
  url?: string;
}

/** One branch of a rule: when `when` holds, the rule denies, escalates or allows (with obligations). */
export interface Clause {
  when: Node;
  /** the sentence a decision gives as its reason */
  reason: string;
  obligations?: V.Obligation[];
}

export type Effect = "deny" | "allow-with-obligations" | "escalate" | "classification";

export interface Rule {
  /** the catalogue id, exactly as written there — a contract */
  id: string;
  title: string;
  /** one line saying what the rule does */
  summary: string;
  /** the id prefix */
  pack: V.Pack;
  /** the action types the rule speaks about; it is not consulted for any other */
  actions: V.ActionType[];
  /** the rule's main effect; its clauses say exactly what it does */
  effect: Effect;
  /** prohibitions */
  deny: Clause[];
  /** cases a human must decide */
  escalate: Clause[];
  /** permissions, and the obligations they carry */
  allow: Clause[];
  /** classification rules only: class → the sources that derive it when a fact states no class */
  classification?: Partial<Record<V.ContactClass, V.Source[]>>;
  citations: Citation[];
  basis: Basis[];
  force: Force[];
  /** first local day (jurisdiction zone) the rule applies, YYYY-MM-DD */
  validFrom?: string;
  /** first local day the rule no longer applies */
  validUntil?: string;
  /** from the catalogue's §J sanctions */
  severity: { level: Severity; sanction: string };
}

export type RuleInput = Omit<Rule, "pack" | "deny" | "escalate" | "allow"> &
  Partial<Pick<Rule, "deny" | "escalate" | "allow">>;

export class RuleDefinitionError extends Error {
  override name = "RuleDefinitionError";
}

/** Builds a rule: the pack is the id prefix; missing clause lists are empty. */
export function defineRule(input: RuleInput): Rule {
  const prefix = input.id.split("-")[0] ?? "";
  const pack = packs.find((p) => p === prefix);
  if (!pack) throw new RuleDefinitionError(`${input.id}: the id prefix is not a pack`);
  if (input.actions.length === 0) throw new RuleDefinitionError(`${input.id}: no action types`);
  if (input.effect === "classification" && !input.classification) {
    throw new RuleDefinitionError(`${input.id}: a classification rule needs its table`);
  }
  return { ...input, pack, deny: input.deny ?? [], escalate: input.escalate ?? [], allow: input.allow ?? [] };
}
