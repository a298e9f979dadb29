import { createHash } from "node:crypto";

/** SHA-256 of the parts, joined with a separator that cannot occur in them (they are ids and hex). */
function digest(parts: readonly string[]): Buffer {
  return createHash("sha256").update(parts.join("\u0000")).digest();
}

/** A number in [0, 1) that depends only on the parts: the sandbox's per-(seed, hash, network) coin. */
export function unitFrom(...parts: string[]): number {
  return digest(parts).readUInt32BE(0) / 2 ** 32;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** sfc32, seeded from a hash of the parts: small, fast and the same on every machine. */
export function rngFrom(...parts: string[]): Rng {
  const bytes = digest(parts);
  let a = bytes.readUInt32BE(0);
  let b = bytes.readUInt32BE(4);
  let c = bytes.readUInt32BE(8);
  let d = bytes.readUInt32BE(12);
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 2 ** 32;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError("pick from an empty list");
      return item;
    },
    chance: (probability) => next() < probability,
  };
}
