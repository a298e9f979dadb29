import { describe, expect, it } from "vitest";
import { parseCase } from "./parse";

const valid = {
  name: "a case",
  at: "2027-03-01T10:00:00Z",
  jurisdiction: "FR",
  controller: { type: "party" },
  contact: { source: "newsletter_signup" },
  action: { type: "contact", channel: "email", messageKind: "political" },
  expect: { decision: "allow" },
};

const issuesOf = (input: unknown) => {
  const parsed = parseCase(input);
  return parsed.ok ? [] : parsed.issues;
};

describe("the case format", () => {
  it("accepts a minimal case", () => {
    expect(parseCase(valid).ok).toBe(true);
  });

  it("rejects an unknown top-level field by name", () => {
    expect(issuesOf({ ...valid, purpose: "commercial" })).toContainEqual({
      path: "purpose",
      message: "unknown field",
    });
  });

  it("names the path of a misspelt nested field", () => {
    const input = {
      ...valid,
      contact: {
        source: "newsletter_signup",
        consents: [
          {
            scope: "political_email",
            mechanism: "double_opt_in",
            capturedAt: "2026-10-01T09:00:00Z",
            evidenceref: "x",
          },
        ],
      },
    };
    expect(issuesOf(input)).toContainEqual({
      path: "contact.consents[0].evidenceref",
      message: "unknown field",
    });
  });

  it("names an invalid enum value's path", () => {
    const paths = issuesOf({
      ...valid,
      action: { type: "contact", channel: "sms_mms", messageKind: "political" },
    }).map((i) => i.path);
    expect(paths).toContain("action.channel");
  });

  it("requires a transfer to name a listed processor", () => {
    const input = { ...valid, processors: [], action: { type: "transfer", processor: "ghost" } };
    expect(issuesOf(input).map((i) => i.path)).toContain("action.processor");
  });

  it("requires rounds in ascending order", () => {
    const input = { ...valid, election: { type: "legislative", rounds: ["2027-06-20", "2027-06-13"] } };
    expect(issuesOf(input).map((i) => i.path)).toContain("election.rounds");
  });

  it("rejects a timestamp without a zone", () => {
    expect(issuesOf({ ...valid, at: "2027-03-01T10:00:00" }).map((i) => i.path)).toContain("at");
  });
});
