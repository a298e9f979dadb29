import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ruleReferenceCommand, ruleReferenceMarkdown } from "@isoloir/policies";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./paths";

// The repository stands alone: docs/ is its reference, generated parts are current, and no file points
// at a document that is not in the repository.

/** Files git tracks, plus new ones it does not ignore. */
function repositoryFiles(): string[] {
  const run = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`git ls-files failed: ${run.stderr}`);
  return [...new Set(run.stdout.split("\0").filter(Boolean))].filter((f) => existsSync(join(repoRoot, f)));
}

/** Documents outside the repository that files once pointed at (written so this file matches none). */
const outsideDocuments = [
  /\.\.\/shared\b/,
  /\bshared\/(?:DESIGN|CLI|STACK|CONVENTIONS|cnil-rules|policy-cases)\b/,
  /\b(?:DESIGN|CLI|STACK|CONVENTIONS)\.md\b/,
  /\bcnil-rules\.md\b/,
  /\bpolicy-cases\/README\b/,
];

function outsideReferences(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), "utf8");
  if (text.includes("\0")) return [];
  return text
    .split("\n")
    .flatMap((line, i) =>
      outsideDocuments.some((p) => p.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
    );
}

describe("docs/rules.md", () => {
  it("is what the rule trees generate now", () => {
    const stored = readFileSync(join(repoRoot, "docs/rules.md"), "utf8");
    expect(
      stored === ruleReferenceMarkdown(),
      `docs/rules.md is out of date; run: ${ruleReferenceCommand}`,
    ).toBe(true);
  });
});

describe("the repository's documents", { timeout: 30_000 }, () => {
  const files = repositoryFiles();

  it("refer to no document outside the repository", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(outsideReferences), "point these at docs/ instead").toEqual([]);
  });

  it("link only to files that exist (relative links of the markdown files)", () => {
    const broken = files
      .filter((f) => f.endsWith(".md"))
      .flatMap((f) =>
        [...readFileSync(join(repoRoot, f), "utf8").matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
          .map((m) => m[1] ?? "")
          .filter((target) => !/^[a-z]+:/.test(target) && !existsSync(join(repoRoot, dirname(f), target)))
          .map((target) => `${f} → ${target}`),
      );
    expect(broken).toEqual([]);
  });

  it("list every docs/ page in docs/README.md", () => {
    const index = readFileSync(join(repoRoot, "docs/README.md"), "utf8");
    const pages = files.filter((f) => /^docs\/[^/]+\.md$/.test(f) && f !== "docs/README.md");
    expect(pages.filter((p) => !index.includes(`](${p.slice("docs/".length)})`))).toEqual([]);
  });
});
