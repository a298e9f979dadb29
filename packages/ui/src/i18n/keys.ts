import type { Resource } from "./types";

/** Every leaf key of a resource tree, dotted ("auth.email"), plural suffixes kept. */
export function leafKeys(resource: Resource, prefix = ""): string[] {
  return Object.entries(resource).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

/** The keys one language has and the other lacks, both ways: empty when the two match. */
export function keyDifferences(a: Resource, b: Resource): { onlyInA: string[]; onlyInB: string[] } {
  const keysA = new Set(leafKeys(a));
  const keysB = new Set(leafKeys(b));
  return {
    onlyInA: [...keysA].filter((k) => !keysB.has(k)),
    onlyInB: [...keysB].filter((k) => !keysA.has(k)),
  };
}
