import { describe, expect, it } from "vitest";
import { consentStatus } from "./consent-status";

const base = {
  mechanism: "double_opt_in" as const,
  withdrawnAt: null,
  evidenceRef: "form:42",
  bundled: false,
};

describe("consentStatus", () => {
  it("marks an unwithdrawn, unbundled, evidenced positive act valid", () => {
    expect(consentStatus(base)).toEqual({ kind: "valid" });
  });

  it("marks a withdrawn consent withdrawn whatever else holds", () => {
    expect(consentStatus({ ...base, withdrawnAt: "2026-01-01T00:00:00Z", bundled: true })).toEqual({
      kind: "withdrawn",
    });
  });

  it("lists every reason an unwithdrawn consent never counted", () => {
    expect(consentStatus({ ...base, mechanism: "pre_ticked", bundled: true, evidenceRef: null })).toEqual({
      kind: "invalid",
      reasons: ["pre_ticked", "bundled", "no_evidence"],
    });
    expect(consentStatus({ ...base, mechanism: "none" })).toEqual({ kind: "invalid", reasons: ["none"] });
  });
});
