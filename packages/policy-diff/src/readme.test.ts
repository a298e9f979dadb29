import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

describe("README.md", () => {
  it("names only files that exist", () => {
    const readme = readFileSync(`${root}README.md`, "utf8");
    const named = [...readme.matchAll(/`(src\/[\w./-]+\.ts)`/g)].map((m) => m[1] ?? "");
    expect(named.length).toBeGreaterThan(5);
    for (const file of named) expect(existsSync(`${root}${file}`), file).toBe(true);
  });
});
