import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eq } from "./builder";
import { canonicalJson } from "./canonical";
import { diffRuleSets } from "./diff";
import { defineRule } from "./rule";
import { sha256Hex } from "./sha256";
import { contentHash, exportCanonicalJson, policySetVersion } from "./version";

const make = (id: string, channel: "email" | "sms") =>
  defineRule({
    id,
    title: `${id} title`,
    summary: "s",
    actions: ["contact"],
    effect: "deny",
    deny: [{ when: eq("action.channel", channel), reason: "r" }],
    citations: [{ text: "a source", url: "https://example.org" }],
    basis: ["P"],
    force: ["LAW"],
    severity: { level: "high", sanction: "-" },
  });

describe("canonical JSON and hashing", () => {
  it("hashes like node:crypto", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
      }),
      { numRuns: 300 },
    );
  });

  it("sorts keys at every level and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("does not depend on the order rules are listed in", () => {
    const a = make("FR-A", "email");
    const b = make("FR-B", "sms");
    expect(contentHash([a, b])).toBe(contentHash([b, a]));
    expect(exportCanonicalJson([a, b], "1.0.0")).toBe(exportCanonicalJson([b, a], "1.0.0"));
  });

  it("versions as semver plus the first 12 hex of the content hash", () => {
    const rules = [make("FR-A", "email")];
    expect(policySetVersion("2.0.1", rules)).toBe(`2.0.1+${contentHash(rules).slice(0, 12)}`);
  });
});

describe("diffRuleSets", () => {
  it("lists rules added, removed and changed with explanations before and after", () => {
    const base = [make("FR-A", "email"), make("FR-B", "sms")];
    const head = [make("FR-A", "sms"), make("FR-C", "email")];
    const diff = diffRuleSets(base, head);
    expect(diff.added.map((r) => r.id)).toEqual(["FR-C"]);
    expect(diff.removed.map((r) => r.id)).toEqual(["FR-B"]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]?.fields).toEqual(["deny"]);
    expect(diff.changed[0]?.before).toContain("the channel is email");
    expect(diff.changed[0]?.after).toContain("the channel is sms");
    expect(diff.unchanged).toBe(0);
  });

  it("treats a missing rule set as empty", () => {
    expect(diffRuleSets(null, [make("FR-A", "email")]).added).toHaveLength(1);
    expect(diffRuleSets([make("FR-A", "email")], [make("FR-A", "email")]).unchanged).toBe(1);
  });
});
