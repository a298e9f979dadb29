import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { caseFilesInWorkingTree, unionOfCases } from "./case-files";

describe("case files", () => {
  const root = mkdtempSync(join(tmpdir(), "isoloir-policy-diff-cases-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("reads policies/cases/**/*.json, skipping node_modules, dot folders, package.json and tsconfig files", () => {
    const put = (path: string, text = "{}") => {
      mkdirSync(join(root, path, ".."), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    put("policies/cases/fr/a.json", "A");
    put("policies/cases/b.json", "B");
    put("policies/cases/package.json");
    put("policies/cases/tsconfig.base.json");
    put("policies/cases/node_modules/x.json");
    put("policies/cases/.cache/y.json");
    put("policies/cases/notes.md");
    put("policies/src/c.json");
    expect([...caseFilesInWorkingTree(root).entries()]).toEqual([
      ["policies/cases/b.json", "B"],
      ["policies/cases/fr/a.json", "A"],
    ]);
  });

  it("gives no case files for a tree without policies/cases", () => {
    expect(caseFilesInWorkingTree(join(root, "nowhere")).size).toBe(0);
  });

  it("unites both sides' files, with each side's text where it exists", () => {
    const base = new Map([
      ["a.json", "1"],
      ["gone.json", "2"],
    ]);
    const head = new Map([
      ["a.json", "1b"],
      ["new.json", "3"],
    ]);
    expect(unionOfCases(base, head)).toEqual([
      { file: "a.json", base: "1", head: "1b" },
      { file: "gone.json", base: "2" },
      { file: "new.json", head: "3" },
    ]);
  });
});
