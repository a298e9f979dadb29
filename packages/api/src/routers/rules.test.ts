import { addMember } from "@isoloir/accounts";
import type { DbHandle } from "@isoloir/db";
import { insertTestOrg, testDatabases } from "@isoloir/db/testing";
import { exportPolicySet } from "@isoloir/policies";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "../testing";

type Caller = Awaited<ReturnType<typeof callerFor>>;

/** The current export with one rule removed and another's title changed. */
function editedExport() {
  const current = exportPolicySet();
  const rules = current.rules
    .filter((r) => r.id !== "FR-CNIL-SMS-OPTIN-STOP")
    .map((r) => (r.id === "FR-CNIL-EMAIL-OPTIN" ? { ...r, title: `${r.title} (edited)` } : r));
  return { ...current, rules };
}

describe.each(testDatabases())("rules router on $name", (target) => {
  let handle: DbHandle;
  let compliance: Caller;
  let staff: Caller;
  beforeAll(async () => {
    handle = await target.open();
    // every role against every procedure is router.test.ts's job; two members are enough here
    const org = await insertTestOrg(handle.db);
    const member = async (role: "compliance" | "staff") =>
      (await addMember(handle.db, org.id, { email: `${role}.${org.slug}@example.fr`, name: role, role }))
        .userId;
    compliance = await callerFor(handle.db, handle.driver, await member("compliance"));
    staff = await callerFor(handle.db, handle.driver, await member("staff"));
  });
  afterAll(async () => handle?.close());

  it("lists a jurisdiction's packs only, sorted by id, explained in the asked language", async () => {
    const fr = await staff.rules.list({ jurisdiction: "FR", lang: "fr" });
    const packs = new Set(fr.rules.map((r) => r.pack));
    expect([...packs].sort()).toEqual(["EU", "FR", "ORG"]);
    expect(fr.rules.map((r) => r.id)).toEqual(fr.rules.map((r) => r.id).sort((a, b) => a.localeCompare(b)));
    const optIn = fr.rules.find((r) => r.id === "FR-CNIL-EMAIL-OPTIN");
    expect(optIn?.explanation).toContain("Interdit lorsque");
    expect(optIn?.caseCount).toBeGreaterThan(0);
    const uk = await staff.rules.list({ jurisdiction: "UK", lang: "en" });
    expect(uk.rules.every((r) => r.pack === "UK" || r.pack === "ORG")).toBe(true);
    const all = await staff.rules.list({ lang: "en" });
    expect(all.rules.length).toBe(exportPolicySet().rules.length);
  });

  it("gives a rule its citations, basis and cases, those naming it and those filed under it", async () => {
    const rule = await compliance.rules.get({ id: "FR-CNIL-EMAIL-OPTIN", lang: "en" });
    expect(rule.explanation.split("\n")[0]).toBe(`FR-CNIL-EMAIL-OPTIN — ${rule.title}`);
    expect(rule.explanation).toContain("Denies when");
    expect(rule.basis).toEqual(["R", "P"]);
    expect(rule.citations.some((c) => c.article === "L.34-5")).toBe(true);
    const files = rule.cases.map((c) => c.file);
    expect(files).toContain(
      "fr/FR-CNIL-EMAIL-OPTIN/deny-a-pre-ticked-box-is-no-consent-to-political-email.json",
    );
    expect(rule.cases.some((c) => !c.file.includes("FR-CNIL-EMAIL-OPTIN/") && c.namesRule)).toBe(true);
    expect(
      rule.cases.every((c) => c.decision === null || ["allow", "deny", "escalate"].includes(c.decision)),
    ).toBe(true);
    expect(rule.caseCount).toBe(rule.cases.length);
  });

  it("answers NOT_FOUND for an unknown rule id", async () => {
    await expect(compliance.rules.get({ id: "FR-NO-SUCH-RULE", lang: "fr" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("diffs two exports: the removed rule and the changed title, explained before and after", async () => {
    const diff = await compliance.rules.diff({ base: exportPolicySet(), head: editedExport(), lang: "fr" });
    expect(diff.removed.map((r) => r.id)).toEqual(["FR-CNIL-SMS-OPTIN-STOP"]);
    expect(diff.added).toEqual([]);
    expect(diff.changed.map((r) => [r.id, r.fields])).toEqual([["FR-CNIL-EMAIL-OPTIN", ["title"]]]);
    expect(diff.changed[0]?.after).toContain("(edited)");
    expect(diff.unchanged).toBe(exportPolicySet().rules.length - 2);
    expect(diff.base.policySetVersion).toBe(exportPolicySet().policySetVersion);
    expect(diff.head.rules).toBe(exportPolicySet().rules.length - 1);
  });

  it("compares an uploaded export with the current rules", async () => {
    const current = await compliance.rules.current();
    expect(current.format).toBe("isoloir-policy-set/1");
    const diff = await compliance.rules.diff({ base: editedExport(), head: current, lang: "en" });
    expect(diff.added.map((r) => r.id)).toEqual(["FR-CNIL-SMS-OPTIN-STOP"]);
  });

  it("refuses a file that is not an export, naming the field", async () => {
    const current = exportPolicySet();
    await expect(
      compliance.rules.diff({ base: { ...current, format: "something-else" }, head: current, lang: "en" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/base\.format/) });
    const extra = { ...current, rules: [{ ...current.rules[0], secret: 1 }] };
    await expect(compliance.rules.diff({ base: current, head: extra, lang: "en" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(compliance.rules.diff({ base: [], head: current, lang: "en" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
