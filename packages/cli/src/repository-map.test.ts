import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The root README's folder table is the newcomer's map: it must name every workspace and nothing else.
const root = fileURLToPath(new URL("../../..", import.meta.url));
const readme = readFileSync(join(root, "README.md"), "utf8");
const mapped = [...readme.matchAll(/^\| `([^`]+)` \|/gm)]
  .map((m) => m[1] ?? "")
  .filter((f) => /^(apps|packages)\/|^[a-z.]/.test(f));

const workspaces = ["apps", "packages"].flatMap((dir) =>
  readdirSync(join(root, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, dir, d.name, "package.json")))
    .map((d) => `${dir}/${d.name}`),
);

describe("the root README's folder map", () => {
  it("names every app and package of the tree", () => {
    expect(workspaces.filter((w) => !mapped.includes(w))).toEqual([]);
  });

  it("names no folder that does not exist", () => {
    const folders = mapped.filter(
      (f) => f.includes("/") || ["e2e", "bench", "policies", "scripts"].includes(f),
    );
    expect(folders.filter((f) => !existsSync(join(root, f)))).toEqual([]);
  });
});
