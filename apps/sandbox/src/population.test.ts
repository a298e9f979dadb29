import { describe, expect, it } from "vitest";
import { createPopulation, hashEmail, type Network, networks } from "./population";
import { demoEmails } from "./testing";

const hashes = demoEmails(5_000).map(hashEmail);

function census(seed: string) {
  const population = createPopulation({ seed });
  const counts = hashes.map((h) => population.networksOf(h).length);
  const perNetwork = Object.fromEntries(
    networks.map((n) => [n, hashes.filter((h) => population.lookup(h, n) !== null).length / hashes.length]),
  ) as Record<Network, number>;
  return {
    onAny: counts.filter((c) => c > 0).length / hashes.length,
    onSeveral: counts.filter((c) => c > 1).length / hashes.length,
    perNetwork,
  };
}

describe("the synthetic population", () => {
  it("gives the same answers for the same seed, across instances", () => {
    const a = createPopulation({ seed: "s1" });
    const b = createPopulation({ seed: "s1" });
    for (const h of hashes.slice(0, 300)) {
      for (const n of networks) expect(b.lookup(h, n)).toEqual(a.lookup(h, n));
    }
  });

  it("gives different answers for a different seed", () => {
    const a = createPopulation({ seed: "s1" });
    const b = createPopulation({ seed: "s2" });
    const same = hashes.slice(0, 300).filter((h) => a.networksOf(h).join() === b.networksOf(h).join()).length;
    expect(same).toBeLessThan(250);
  });

  it("puts about 55% of demo-shaped emails on at least one network, some on several, the rest on none", () => {
    const { onAny, onSeveral, perNetwork } = census("isoloir-sandbox");
    expect(onAny).toBeGreaterThan(0.52);
    expect(onAny).toBeLessThan(0.58);
    expect(onSeveral).toBeGreaterThan(0.15);
    expect(perNetwork.facebook).toBeGreaterThan(perNetwork.linkedin);
    expect(perNetwork.linkedin).toBeGreaterThan(perNetwork.meetup);
    expect(perNetwork.meetup).toBeGreaterThan(0.05);
  });

  it("follows a configured presence", () => {
    const population = createPopulation({ seed: "x", presence: 0.2 });
    const onAny = hashes.filter((h) => population.networksOf(h).length > 0).length / hashes.length;
    expect(onAny).toBeGreaterThan(0.17);
    expect(onAny).toBeLessThan(0.23);
  });

  it("answers for any made-up hash, and lookup agrees with networksOf", () => {
    const population = createPopulation();
    const h = hashEmail("someone-made-up@anywhere.test");
    for (const n of networks)
      expect(population.lookup(h, n) !== null).toBe(population.networksOf(h).includes(n));
  });

  it("generates plausible French profiles on .example hosts", () => {
    const population = createPopulation();
    const members = hashes
      .slice(0, 500)
      .flatMap((h) => networks.map((n) => population.lookup(h, n)))
      .filter((m) => m !== null);
    expect(members.length).toBeGreaterThan(200);
    for (const m of members) {
      expect(new URL(m.profileUrl).hostname).toMatch(/\.example$/);
      if (m.photoUrl !== null) expect(new URL(m.photoUrl).hostname).toMatch(/\.example$/);
      expect(m.handle).toMatch(/^[a-z0-9._-]+$/);
      expect(m.followers).toBeGreaterThanOrEqual(0);
    }
    expect(members.some((m) => m.city === "Lyon")).toBe(true);
    expect(members.some((m) => m.bio !== null && /[éèà·]/.test(m.bio))).toBe(true);
  });

  it("knows only the listed emails when given some, and names their profiles after the address", () => {
    const emails = demoEmails(400, "known");
    const population = createPopulation({ knownEmails: emails });
    expect(population.networksOf(hashEmail("stranger@mail.example"))).toEqual([]);
    const email = emails.find((e) => population.lookup(hashEmail(e), "facebook") !== null) ?? "";
    const member = population.lookup(hashEmail(email), "facebook");
    const [first, last] = email.split("@")[0]?.replace(/\d+$/, "").split(".") ?? [];
    expect(member?.displayName.toLowerCase()).toBe(`${first} ${last}`);
  });
});
