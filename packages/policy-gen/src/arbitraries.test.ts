import { describe, expect, it } from "vitest";
import { generatePopulation } from "./arbitraries";
import * as V from "./vocabulary";

describe("generatePopulation", () => {
  const population = generatePopulation(6000, 7);

  it("is the same for the same seed and differs for another", () => {
    expect(generatePopulation(50, 7)).toEqual(population.slice(0, 50));
    expect(generatePopulation(50, 8)).not.toEqual(population.slice(0, 50));
  });

  it("covers every source, consent scope and mechanism, channel × message kind and action", () => {
    const seen = (values: string[]) => new Set(values);
    expect(seen(population.map((f) => f.contact.source))).toEqual(new Set(V.sources));
    expect(seen(population.flatMap((f) => f.contact.consents ?? []).map((c) => c.scope))).toEqual(
      new Set(V.scopes),
    );
    expect(seen(population.flatMap((f) => f.contact.consents ?? []).map((c) => c.mechanism))).toEqual(
      new Set(V.mechanisms),
    );
    expect(seen(population.map((f) => f.action.type))).toEqual(
      new Set(["contact", "enrich", "import", "retain", "record", "transfer"]),
    );
    const pairs = seen(
      population.flatMap((f) =>
        f.action.type === "contact" ? [`${f.action.channel}/${f.action.messageKind}`] : [],
      ),
    );
    expect(pairs.size).toBe(V.channels.length * V.messageKinds.length);
    expect(seen(population.map((f) => f.jurisdiction))).toEqual(new Set(V.jurisdictions));
  });

  it("puts the decision time within a day of the eve of a round", () => {
    const nearEve = population.filter((f) =>
      (f.election?.rounds ?? []).some(
        (r) => Math.abs(Date.parse(f.at) - (Date.parse(`${r}T00:00:00Z`) - 86_400_000)) < 86_400_000,
      ),
    );
    expect(nearEve.length).toBeGreaterThan(100);
  });

  it("only makes storable facts when asked: no explicit class, a country always", () => {
    const storable = generatePopulation(500, 3, { storable: true });
    expect(storable.every((f) => f.contact.class === undefined && f.contact.country !== undefined)).toBe(
      true,
    );
  });
});
