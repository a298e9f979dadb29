import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, type Page, test } from "@playwright/test";
import { query } from "../support/api";
import { demo, signIn } from "../support/auth";

const root = fileURLToPath(new URL("../..", import.meta.url));

interface ExportedRule {
  id: string;
  title: string;
}
interface Export {
  format: string;
  policySetVersion: string;
  rules: ExportedRule[];
}

let exported: { text: string; base: Export; head: Export } | undefined;
/** `isoloir policy export` (run once), and a copy with one rule removed and another's title changed. */
function exports() {
  if (exported) return exported;
  const text = execFileSync("node", ["packages/cli/bin/isoloir.js", "policy", "export"], {
    cwd: root,
    encoding: "utf8",
  });
  const base = JSON.parse(text) as Export;
  const head: Export = {
    ...base,
    rules: base.rules
      .filter((r) => r.id !== "FR-CNIL-SMS-OPTIN-STOP")
      .map((r) => (r.id === "FR-CNIL-EMAIL-OPTIN" ? { ...r, title: `${r.title} (revised)` } : r)),
  };
  exported = { text, base, head };
  return exported;
}

const file = (name: string, data: unknown) => ({
  name,
  mimeType: "application/json",
  buffer: Buffer.from(typeof data === "string" ? data : JSON.stringify(data)),
});

async function openNav(page: Page, name: string) {
  await page.getByRole("navigation").getByRole("link", { name, exact: true }).click();
}

test.describe("admin rules and rule changes", () => {
  test("compliance browses FR, reads a rule's explanation, sources, basis and cases, in both languages", async ({
    page,
  }) => {
    await signIn(page, demo("compliance"), { app: "admin" });
    await openNav(page, "Règles");
    await expect(page.getByRole("heading", { name: "Règles", exact: true })).toBeVisible();

    // another jurisdiction first, then France: the list follows the selector
    const jurisdiction = page.getByTestId("jurisdiction");
    await jurisdiction.getByText("Royaume-Uni").click();
    await expect(page.getByText("Paquets appliqués : UK + ORG.")).toBeVisible();
    await expect(page.getByTestId("rule-FR-CNIL-EMAIL-OPTIN")).toHaveCount(0);
    await jurisdiction.getByText("France", { exact: true }).click();
    await expect(page.getByText("Paquets appliqués : FR + EU + ORG.")).toBeVisible();
    const row = page.getByTestId("rule-FR-CNIL-EMAIL-OPTIN");
    await expect(row).toContainText("Political email needs opt-in");
    await expect(row.getByTestId("basis-R")).toHaveAttribute("data-to-check", "true");
    await expect(row.getByTestId("basis-P")).toHaveAttribute("data-to-check", "false");

    await row.getByRole("link", { name: "Ouvrir FR-CNIL-EMAIL-OPTIN" }).click();
    await expect(page).toHaveURL(/\/admin\/rules\/FR-CNIL-EMAIL-OPTIN\?j=FR$/);
    await expect(page.getByTestId("rule-title")).toContainText("Political email needs opt-in");
    const explanation = page.getByTestId("explanation");
    await expect(explanation).toContainText("Ce que fait la règle");
    await expect(explanation).toContainText("Interdit lorsque toutes ces conditions sont réunies");
    await expect(page.getByTestId("citations")).toContainText("CPCE art. L.34-5");
    await expect(
      page.getByTestId("citations").getByRole("link", { name: "Ouvrir la source" }).first(),
    ).toHaveAttribute("href", /^https?:\/\//);
    const basis = page.getByTestId("basis");
    await expect(basis.getByTestId("basis-row-P")).toContainText("Texte source lu");
    await expect(basis.getByTestId("basis-row-P").getByTestId("to-check")).toHaveCount(0);
    await expect(basis.getByTestId("basis-row-R")).toContainText("Page du régulateur");
    await expect(basis.getByTestId("basis-row-R").getByTestId("to-check")).toHaveText(
      "à vérifier dans le texte source",
    );
    await expect(page.getByTestId("to-check-alert")).toBeVisible();
    const cases = page.getByTestId("cases");
    const preTicked = cases.getByRole("row", { name: /a pre-ticked box is no consent to political email/ });
    await expect(preTicked).toContainText("Interdit");
    await expect(preTicked).toContainText("fr/FR-CNIL-EMAIL-OPTIN/deny-a-pre-ticked-box");
    await expect(cases.getByRole("row", { name: /a member may get a political email/ })).toContainText(
      "Autorisé",
    );

    await page.getByTestId("language-switch").getByText("EN").click();
    await expect(explanation).toContainText("What the rule does");
    await expect(explanation).toContainText("Denies when all of these hold");
    await expect(basis.getByTestId("to-check")).toHaveText("to be checked against the primary text");
    await expect(preTicked).toContainText("Denied");

    await page.getByTestId("language-switch").getByText("FR").click();
    await expect(explanation).toContainText("Interdit lorsque toutes ces conditions sont réunies");
    await expect(basis.getByTestId("to-check")).toHaveText("à vérifier dans le texte source");
    await page.getByRole("link", { name: "Toutes les règles" }).click();
    await expect(page).toHaveURL(/\/admin\/rules\?j=FR$/);
  });

  test("compliance uploads two exports and sees the removed rule and the changed one, before and after", async ({
    page,
  }) => {
    const { text, base, head } = exports();
    await signIn(page, demo("compliance"), { app: "admin" });
    await openNav(page, "Modifications des règles");
    await expect(page.getByRole("heading", { name: "Modifications des règles" })).toBeVisible();
    const compare = page.getByRole("button", { name: "Comparer" });
    await expect(compare).toBeDisabled();

    await page.getByTestId("base-file").setInputFiles(file("policy-before.json", text));
    await page.getByTestId("head-file").setInputFiles(file("policy-after.json", "{ not json"));
    await expect(page.getByText("policy-after.json n'est pas un fichier JSON lisible.")).toBeVisible();
    await expect(compare).toBeDisabled();
    await page.getByTestId("head-file").setInputFiles(file("policy-after.json", head));
    await compare.click();

    const result = page.getByTestId("diff-result");
    await expect(result).toContainText(`De ${base.policySetVersion} à ${base.policySetVersion}`);
    await expect(page.getByTestId("diff-chart")).toBeVisible();
    await expect(page.getByTestId("unchanged")).toHaveText(`${base.rules.length - 2} règles inchangées.`);
    await expect(page.getByRole("heading", { name: "Retirées (1)" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Modifiées (1)" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Ajoutées (0)" })).toBeVisible();

    const removed = page.getByTestId("removed-FR-CNIL-SMS-OPTIN-STOP");
    await expect(removed).toContainText("Avant");
    await expect(removed).toContainText("FR-CNIL-SMS-OPTIN-STOP — ");
    await expect(removed).toContainText("Absente de cette version.");
    const changed = page.getByTestId("changed-FR-CNIL-EMAIL-OPTIN");
    await expect(changed).toContainText("Champs modifiés :");
    await expect(changed).toContainText("title");
    await expect(changed.locator('[data-kind="removed"]')).toHaveText(
      /^FR-CNIL-EMAIL-OPTIN — Political email needs opt-in.*contacts$/,
    );
    await expect(changed.locator('[data-kind="added"]')).toHaveText(/\(revised\)$/);
    await expect(changed).toContainText("Interdit lorsque");
    // unchanged lines are folded until asked for
    await expect(changed).toContainText("lignes inchangées");
    await expect(changed).not.toContainText("Autorise, à condition de");
    await changed.getByRole("button", { name: "Afficher toutes les lignes" }).click();
    await expect(changed).toContainText("Autorise, à condition de");

    // the shown comparison follows the language
    await page.getByTestId("language-switch").getByText("EN").click();
    await expect(page.getByRole("heading", { name: "Removed (1)" })).toBeVisible();
    await expect(changed).toContainText("Denies when");
    await page.getByTestId("language-switch").getByText("FR").click();
    await expect(changed).toContainText("Interdit lorsque");

    // an older export against the rules in force: the rule it lacks is added
    await page.getByText("les règles actuelles").click();
    await page.getByTestId("base-file").setInputFiles(file("policy-old.json", head));
    await compare.click();
    await expect(page.getByTestId("added-FR-CNIL-SMS-OPTIN-STOP")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Ajoutées (1)" })).toBeVisible();
  });
});

test.describe("admin rules: unauthorised access", () => {
  test("a volunteer sees neither Rules nor Changes, and the API refuses both", async ({ page }) => {
    await signIn(page, demo("volunteer"), { app: "admin" });
    const nav = page.getByRole("navigation");
    await expect(nav.getByRole("link", { name: "Organisation" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Règles", exact: true })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Modifications des règles" })).toHaveCount(0);
    await page.goto("/admin/rules");
    await expect(page.getByTestId("forbidden")).toContainText("Accès refusé");
    await page.goto("/admin/rules/FR-CNIL-EMAIL-OPTIN");
    await expect(page.getByTestId("forbidden")).toBeVisible();
    await expect(page.getByText("Interdit lorsque")).toHaveCount(0);

    const list = await page.request.get(
      `/trpc/rules.list?input=${encodeURIComponent(JSON.stringify({ jurisdiction: "FR", lang: "fr" }))}`,
    );
    expect(list.status()).toBe(403);
    expect((await page.request.get("/trpc/rules.current")).status()).toBe(403);
    const me = await query<{ csrfToken: string }>(page, "auth.me");
    const { base } = exports();
    const diff = await page.request.post("/trpc/rules.diff", {
      headers: { "content-type": "application/json", "x-isoloir-csrf": me.csrfToken },
      data: { base, head: base, lang: "fr" },
    });
    expect(diff.status()).toBe(403);
  });

  test("a staff member reads the rules but not the changes", async ({ page }) => {
    await signIn(page, demo("staff"), { app: "admin" });
    const nav = page.getByRole("navigation");
    await expect(nav.getByRole("link", { name: "Règles", exact: true })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Modifications des règles" })).toHaveCount(0);
    await page.goto("/admin/rules");
    await expect(page.getByTestId("rule-FR-CNIL-EMAIL-OPTIN")).toBeVisible();
    await expect(page.getByRole("link", { name: "Comparer deux versions" })).toHaveCount(0);
    await page.goto("/admin/changes");
    await expect(page.getByTestId("forbidden")).toBeVisible();

    const me = await query<{ csrfToken: string }>(page, "auth.me");
    const { base } = exports();
    const diff = await page.request.post("/trpc/rules.diff", {
      headers: { "content-type": "application/json", "x-isoloir-csrf": me.csrfToken },
      data: { base, head: base, lang: "fr" },
    });
    expect(diff.status()).toBe(403);
    const message = JSON.stringify(await diff.json());
    expect(message).toContain("may not do this");
  });
});
