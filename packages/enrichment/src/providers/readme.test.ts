import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("the package README", () => {
  it("names only files that exist", () => {
    const readme = readFileSync(`${root}README.md`, "utf8");
    const named = [...readme.matchAll(/`(src\/[\w./{},-]+\.ts)`/g)].map((m) => m[1] ?? "");
    const expanded = named.flatMap((path) => {
      const braces = /^(.*)\{([^}]+)\}(.*)$/.exec(path);
      return braces ? (braces[2] ?? "").split(",").map((part) => `${braces[1]}${part}${braces[3]}`) : [path];
    });
    expect(expanded.length).toBeGreaterThan(5);
    expect(expanded.filter((path) => !existsSync(`${root}${path}`))).toEqual([]);
  });
});
