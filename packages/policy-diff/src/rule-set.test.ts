import { describe, expect, it } from "vitest";
import { parseRuleSetExport } from "./rule-set";
import { exported, smsBan } from "./test-rules";

describe("parseRuleSetExport", () => {
  it("accepts an export and keeps null (a ref without policies/) as null", () => {
    const set = exported([smsBan]);
    expect(parseRuleSetExport(set, "HEAD")).toEqual(set);
    expect(parseRuleSetExport(null, "HEAD")).toBeNull();
  });

  it("names the side and what is wrong with an export this engine cannot read", () => {
    expect(() => parseRuleSetExport([], "v1 (abc)")).toThrow(
      "the rule set exported at v1 (abc) is not a JSON object",
    );
    expect(() => parseRuleSetExport({ ...exported([]), format: "isoloir-policy-set/9" }, "v1")).toThrow(
      /format "isoloir-policy-set\/9"/,
    );
    expect(() => parseRuleSetExport({ ...exported([]), rules: [{}] }, "v1")).toThrow(
      /the rule set exported at v1 is not one this engine reads: rules\.0\.id: /,
    );
    const { semver: _semver, ...unversioned } = exported([smsBan]);
    expect(() => parseRuleSetExport(unversioned, "v1")).toThrow(/semver: /);
  });
});
