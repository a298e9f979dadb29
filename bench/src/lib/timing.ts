// Same-process timing: warm-up, then several timed runs per contender, interleaved so that drift
// (JIT tiers, GC, CPU frequency) hits every contender alike; the median run is reported.

/** One contender: `pass` decides `size` facts once and returns a checksum (kept, so no work is dead). */
export interface Contender {
  name: string;
  size: number;
  pass: () => number;
}

export interface Measurement {
  name: string;
  /** decisions per second of each timed run */
  runs: number[];
  /** the median of `runs` */
  median: number;
  /** passes over the facts per timed run */
  passesPerRun: number;
}

export interface TimingOptions {
  /** timed runs per contender */
  runs: number;
  /** warm-up time per contender, in ms */
  warmupMs: number;
  /** a timed run repeats the pass until it lasts at least this long (calibrated during warm-up) */
  minRunMs: number;
}

/** Every checksum ends up here. */
export let checksum = 0;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function warmUp(contender: Contender, options: TimingOptions): number {
  const start = performance.now();
  let passes = 0;
  while (passes < 2 || performance.now() - start < options.warmupMs) {
    checksum += contender.pass();
    passes++;
  }
  const perPass = (performance.now() - start) / passes;
  return Math.max(1, Math.ceil(options.minRunMs / perPass));
}

function timedRun(contender: Contender, passes: number): number {
  const start = performance.now();
  for (let i = 0; i < passes; i++) checksum += contender.pass();
  const seconds = (performance.now() - start) / 1000;
  return (contender.size * passes) / seconds;
}

/** Measures the contenders, interleaving their timed runs. */
export function measure(contenders: readonly Contender[], options: TimingOptions): Measurement[] {
  const passes = contenders.map((c) => warmUp(c, options));
  const runs: number[][] = contenders.map(() => []);
  for (let r = 0; r < options.runs; r++) {
    contenders.forEach((c, i) => {
      runs[i]?.push(timedRun(c, passes[i] ?? 1));
    });
  }
  return contenders.map((c, i) => ({
    name: c.name,
    runs: runs[i] ?? [],
    median: median(runs[i] ?? []),
    passesPerRun: passes[i] ?? 1,
  }));
}
