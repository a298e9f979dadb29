import { describe, expect, it } from "vitest";
import { compareRuleSets, type Side } from "./compare";
import { renderMarkdown } from "./markdown";
import { caseText, email, exported, facts, sms, smsBan, suppression } from "./test-rules";

const side = (label: string, rules: Parameters<typeof exported>[0] | null, commit?: string): Side => ({
  info: { label, ...(commit ? { commit } : {}), dependencies: commit ? "linked" : "in-process" },
  exported: rules ? exported(rules) : null,
});

describe("renderMarkdown", () => {
  const report = compareRuleSets({
    base: side("HEAD~1", [suppression(), smsBan], "0123456789abcdef0123456789abcdef01234567"),
    head: side("working tree", [suppression(["import"])]),
    cases: [
      {
        file: "policies/cases/s.json",
        head: caseText("a suppressed | piped person gets no email", email, { suppressed: true }),
      },
    ],
    population: {
      seed: 2027,
      facts: [facts(email, { suppressed: true }), facts(sms), facts({ type: "retain" })],
    },
  });
  const markdown = renderMarkdown(report);

  it("titles the diff with both policy-set versions and names both sides", () => {
    const [title] = markdown.split("\n");
    expect(title).toBe(
      `## Policy diff: \`${report.base.policySetVersion}\` → \`${report.head.policySetVersion}\``,
    );
    expect(markdown).toContain("- **base**: `HEAD~1` at `0123456789ab`");
    expect(markdown).toContain("- **head**: working tree");
    expect(markdown).toContain(
      "**Verdicts flip**: 1 of 1 case and 2 of 3 generated contacts change their verdict.",
    );
  });

  it("shows a changed rule's fields and its plain-language explanation before and after as a diff", () => {
    expect(markdown).toContain("### Rules: 0 added, 1 removed, 1 changed, 0 unchanged");
    expect(markdown).toContain("#### Changed: `ORG-TEST-SUPPRESSION` — Nobody suppressed is contacted");
    expect(markdown).toContain("Fields changed: `actions`.");
    expect(markdown).toMatch(/```diff\n[\s\S]*\n-.*contact[\s\S]*\n\+.*import[\s\S]*\n```/);
    expect(markdown).toContain("#### Removed: `ORG-TEST-NO-SMS` — No text messages");
  });

  it("lists each flipped case with its file, before and after, escaping pipes", () => {
    expect(markdown).toContain(
      "| a suppressed \\| piped person gets no email | `policies/cases/s.json` (head only) | deny (ORG-TEST-SUPPRESSION) | allow |",
    );
  });

  it("tabulates the population per action and channel, with a total", () => {
    expect(markdown).toContain("| contact | email | 1 | 1 | deny → allow: 1 |");
    expect(markdown).toContain("| contact | sms | 1 | 1 | deny → allow: 1 |");
    expect(markdown).toContain("| retain | — | 1 | 0 | — |");
    expect(markdown).toContain("| **total** | | 3 | **2** | |");
  });

  it("says so when nothing flips, and names a side with no rule set", () => {
    const empty = renderMarkdown(
      compareRuleSets({
        base: side("v0", null, "f".repeat(40)),
        head: side("v0", null, "f".repeat(40)),
        cases: [],
        population: { seed: 2027, facts: [] },
      }),
    );
    expect(empty.split("\n")[0]).toBe("## Policy diff: no rule set → no rule set");
    expect(empty).toContain("no policies/ folder: an empty rule set");
    expect(empty).toContain("**No verdict flips**");
    expect(empty).toContain("No population was generated (`--population 0`).");
  });
});
