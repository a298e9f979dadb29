import { contentHash } from "@isoloir/policy";
import { describe, expect, it } from "vitest";
import { policy, policySetVersion, ruleSet, semver, storedContentHash } from "./index";

describe("the policy-set version", () => {
  it("stores the content hash of the rules it was cut at", () => {
    const actual = contentHash(ruleSet);
    expect(
      storedContentHash,
      `The rules changed: bump "semver" in policies/version.json (now ${semver}) and set "contentHash" to "${actual}".`,
    ).toBe(actual);
  });

  it("is the semver plus the first 12 hex of the content hash, on every decision", () => {
    expect(policySetVersion).toBe(`${semver}+${contentHash(ruleSet).slice(0, 12)}`);
    expect(policy().policySetVersion).toBe(policySetVersion);
  });
});
