// Formatting of benchmark results: a compact text table, or one JSON object.

export interface Ratio {
  name: string;
  value: number;
  target: number;
  /** value ≥ target */
  pass: boolean;
}

export function ratio(name: string, numerator: number, denominator: number, target: number): Ratio {
  const value = numerator / denominator;
  return { name, value, target, pass: value >= target };
}

/** 12_345_678 → "12.3 M/s" */
export function rate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)} M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k/s`;
  return `${perSecond.toFixed(0)} /s`;
}

export function times(value: number): string {
  return value >= 100 ? `${Math.round(value).toLocaleString("en-US")}×` : `${value.toFixed(2)}×`;
}

/** Left-aligned first column, right-aligned others. */
export function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("   ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("   "), ...rows.map(line)].join("\n");
}

export const count = (n: number): string => n.toLocaleString("en-US");
