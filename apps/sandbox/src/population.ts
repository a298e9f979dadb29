import { createHash } from "node:crypto";
import {
  bioTemplates,
  cities,
  firstNames,
  interests,
  jobTitles,
  lastNames,
  meetupGroups,
} from "./french-data";
import { type Rng, rngFrom, unitFrom } from "./prng";

export const networks = ["facebook", "linkedin", "twitter", "meetup"] as const;
export type Network = (typeof networks)[number];

/** One member of one network, before the network renders it in its own JSON shape. */
export interface SyntheticMember {
  network: Network;
  id: string;
  handle: string;
  displayName: string;
  profileUrl: string;
  photoUrl: string | null;
  city: string | null;
  bio: string | null;
  followers: number;
}

export interface PopulationOptions {
  /** Same seed, same population. */
  seed?: string;
  /** Share of email hashes known to at least one network (default 0.55). */
  presence?: number;
  /** Among those, the chance of being on each network (at least one is always chosen). */
  shares?: Partial<Record<Network, number>>;
  /** If given, only these emails exist anywhere, and their profiles reuse the name in the address. */
  knownEmails?: readonly string[];
}

export interface Population {
  readonly seed: string;
  networksOf(emailHash: string): Network[];
  lookup(emailHash: string, network: Network): SyntheticMember | null;
}

export const DEFAULT_SEED = "isoloir-sandbox";
export const DEFAULT_PRESENCE = 0.55;
export const defaultShares: Record<Network, number> = {
  facebook: 0.7,
  linkedin: 0.4,
  twitter: 0.3,
  meetup: 0.15,
};

/** Same convention as the adapters: SHA-256 hex of the trimmed, lower-cased address. */
export function hashEmail(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

interface Person {
  firstName: string;
  lastName: string;
  city: string;
}

const capitalise = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");

/** `camille.martin12@…` → Camille Martin; anything else → undefined. */
function namesFromEmail(email: string): Pick<Person, "firstName" | "lastName"> | undefined {
  const match = /^([a-z]+)\.([a-z]+)\d*@/.exec(email.trim().toLowerCase());
  if (!match?.[1] || !match[2]) return undefined;
  return { firstName: capitalise(match[1]), lastName: capitalise(match[2]) };
}

/** A count with a long tail: most people have a few hundred, a few have many thousands. */
const longTail = (rng: Rng, min: number, max: number) => Math.round(min * (max / min) ** (rng.next() ** 2));
const maybe = <T>(rng: Rng, probability: number, value: T): T | null =>
  rng.chance(probability) ? value : null;

function bioFor(rng: Rng, city: string): string {
  return rng.pick(bioTemplates)(city, rng.pick(interests), rng.pick(interests));
}

type MemberBuilder = (rng: Rng, person: Person) => Omit<SyntheticMember, "network" | "city">;

const photo = (network: Network, id: string) => `https://photos.sandbox.example/${network}/${id}.jpg`;

const builders: Record<Network, MemberBuilder> = {
  facebook: (rng, p) => {
    const id = String(100_000_000_000 + rng.int(0, 899_999_999));
    const handle = `${slug(p.firstName)}.${slug(p.lastName)}${rng.chance(0.6) ? rng.int(1, 99) : ""}`;
    return {
      id,
      handle,
      displayName: `${p.firstName} ${p.lastName}`,
      profileUrl: `https://facebook.example/${handle}`,
      photoUrl: maybe(rng, 0.9, photo("facebook", id)),
      bio: maybe(rng, 0.7, bioFor(rng, p.city)),
      followers: longTail(rng, 20, 4_000),
    };
  },
  linkedin: (rng, p) => {
    const handle = `${slug(p.firstName)}-${slug(p.lastName)}-${rng.int(0x1000, 0xffff).toString(16)}`;
    return {
      id: `li-${rng.int(1_000_000, 9_999_999)}`,
      handle,
      displayName: `${p.firstName} ${p.lastName}`,
      profileUrl: `https://linkedin.example/in/${handle}`,
      photoUrl: maybe(rng, 0.85, photo("linkedin", handle)),
      bio: maybe(rng, 0.95, rng.pick(jobTitles)),
      followers: longTail(rng, 30, 3_000),
    };
  },
  twitter: (rng, p) => {
    const base = `${slug(p.firstName)}_${slug(p.lastName)}`.slice(0, 12);
    const handle = `${base}${rng.chance(0.5) ? rng.int(1, 999) : ""}`;
    const id = String(rng.int(10_000_000, 1_999_999_999));
    return {
      id,
      handle,
      displayName: `${p.firstName} ${p.lastName.charAt(0)}.`,
      profileUrl: `https://x.example/${handle}`,
      photoUrl: maybe(rng, 0.85, photo("twitter", id)),
      bio: maybe(rng, 0.8, bioFor(rng, p.city)),
      followers: longTail(rng, 5, 25_000),
    };
  },
  meetup: (rng, p) => {
    const id = String(rng.int(100_000_000, 399_999_999));
    return {
      id,
      handle: id,
      displayName: `${p.firstName} ${p.lastName.charAt(0)}.`,
      profileUrl: `https://meetup.example/members/${id}/`,
      photoUrl: maybe(rng, 0.75, photo("meetup", id)),
      bio: maybe(rng, 0.6, `Membre de ${rng.pick(meetupGroups)}, amateur·rice de ${rng.pick(interests)}.`),
      followers: 0,
    };
  },
};

function chooseNetworks(seed: string, emailHash: string, shares: Record<Network, number>): Network[] {
  const chosen = networks.filter((network) => unitFrom(seed, "on", network, emailHash) < shares[network]);
  if (chosen.length > 0) return chosen;
  const total = networks.reduce((sum, n) => sum + shares[n], 0);
  let roll = unitFrom(seed, "fallback", emailHash) * total;
  for (const network of networks) {
    roll -= shares[network];
    if (roll < 0) return [network];
  }
  return ["facebook"];
}

/** The synthetic population: every answer is a pure function of (seed, email hash, network). */
export function createPopulation(options: PopulationOptions = {}): Population {
  const seed = options.seed ?? DEFAULT_SEED;
  const presence = options.presence ?? DEFAULT_PRESENCE;
  const shares = { ...defaultShares, ...options.shares };
  const known = options.knownEmails && new Map(options.knownEmails.map((email) => [hashEmail(email), email]));

  const personOf = (emailHash: string): Person => {
    const rng = rngFrom(seed, "person", emailHash);
    const fromEmail = known?.get(emailHash);
    const names = (fromEmail && namesFromEmail(fromEmail)) || {
      firstName: rng.pick(firstNames),
      lastName: rng.pick(lastNames),
    };
    return { ...names, city: rng.pick(cities) };
  };
  const networksOf = (emailHash: string): Network[] => {
    if (known && !known.has(emailHash)) return [];
    if (unitFrom(seed, "presence", emailHash) >= presence) return [];
    return chooseNetworks(seed, emailHash, shares);
  };
  const lookup = (emailHash: string, network: Network): SyntheticMember | null => {
    if (!networksOf(emailHash).includes(network)) return null;
    const person = personOf(emailHash);
    const rng = rngFrom(seed, "member", network, emailHash);
    const member = builders[network](rng, person);
    return { network, ...member, city: maybe(rng, 0.9, person.city) };
  };
  return { seed, networksOf, lookup };
}
