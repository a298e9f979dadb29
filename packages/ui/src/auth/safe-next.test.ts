import { describe, expect, it } from "vitest";
import { safeNext, signInPath } from "./safe-next";

describe("safeNext", () => {
  it("keeps a path inside the app", () => {
    expect(safeNext("/contacts?page=2")).toBe("/contacts?page=2");
  });

  it("refuses another origin, a protocol-relative URL and the sign-in page itself", () => {
    expect(safeNext("https://evil.example/")).toBe("/");
    expect(safeNext("//evil.example/")).toBe("/");
    expect(safeNext("/\\evil.example")).toBe("/");
    expect(safeNext("/sign-in?next=/x")).toBe("/");
    expect(safeNext(null)).toBe("/");
  });

  it("round-trips through signInPath", () => {
    const path = signInPath("/contacts/abc?tab=consents");
    const next = new URLSearchParams(path.split("?")[1]).get("next");
    expect(safeNext(next)).toBe("/contacts/abc?tab=consents");
  });
});
