import { describe, expect, it } from "vitest";
import { npmErrorSummary } from "./dependencies";

describe("npmErrorSummary", () => {
  it("keeps what npm ci says went wrong and drops its usage text", () => {
    const stderr = [
      "npm error code EUSAGE",
      "npm error",
      "npm error `npm ci` can only install packages when your package.json and package-lock.json are in sync.",
      "npm error",
      "npm error Missing: p-queue@8.1.1 from lock file",
      "npm error Missing: p-timeout@6.1.4 from lock file",
      "npm error",
      "npm error Clean install a project",
      "npm error",
      "npm error Usage:",
      "npm error npm ci",
      "npm error A complete log of this run can be found in: /root/.npm/_logs/x.log",
    ].join("\n");
    expect(npmErrorSummary(stderr)).toBe(
      "`npm ci` can only install packages when your package.json and package-lock.json are in sync. Missing: p-queue@8.1.1 from lock file Missing: p-timeout@6.1.4 from lock file",
    );
  });

  it("gives nothing for output without npm error lines", () => {
    expect(npmErrorSummary("warning: something\n")).toBe("");
  });
});
