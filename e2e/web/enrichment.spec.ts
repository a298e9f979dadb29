import { expect, type Page, test } from "@playwright/test";
import { apiSession, query } from "../support/api";
import { demo, signIn } from "../support/auth";
import { enrichedContacts, runEnrichment, setCountry, setProvider } from "../support/enrichment";

interface Preview {
  total: number;
  eligible: number;
  noLiveConsent: number;
  escalated: number;
  deniedBy: Record<string, number>;
}

const fr = (n: number) => new Intl.NumberFormat("fr-FR").format(n);

/** Each test sets what it needs: France switched on and Facebook allowed (as an admin, through the API). */
async function enrichmentOn(baseURL: string | undefined) {
  const admin = await apiSession(baseURL ?? "", demo("admin"));
  await setCountry(admin, "FR", true);
  await setProvider(admin, "facebook", true);
  await admin.dispose();
}

async function openEnrichedSection(page: Page, contactId: string) {
  await page.goto(`/contacts/${contactId}`);
  const section = page.getByRole("region", { name: "Données enrichies" });
  await expect(section).toBeVisible();
  return section;
}

test.describe("web enrichment", () => {
  // these journeys run a real enrichment job against the sandbox
  test.describe.configure({ timeout: 120_000 });

  test("staff previews the list's enrichment, starts it, watches it finish, reads and removes a contact's enriched data", async ({
    page,
    baseURL,
  }) => {
    await enrichmentOn(baseURL);
    await signIn(page, demo("staff"));
    const expected = await query<Preview>(page, "enrichment.preview", { provider: "facebook" });
    expect(expected.eligible, "the demo seed has contacts who consented to enrichment").toBeGreaterThan(0);

    await page.getByRole("link", { name: "Contacts", exact: true }).click();
    await page.getByRole("button", { name: "Enrichir" }).click();
    const dialog = page.getByRole("dialog", { name: "Enrichir les contacts de la liste" });
    await expect(dialog.getByTestId("enrich-scope")).toHaveText("Contacts considérés : tous vos contacts.");
    await dialog.getByRole("combobox", { name: "Réseau" }).click();
    await page.getByRole("option", { name: "Facebook", exact: true }).click();

    await expect(dialog.getByTestId("enrich-eligible")).toHaveText(
      `${fr(expected.eligible)} sur ${fr(expected.total)} éligible${expected.eligible > 1 ? "s" : ""}`,
    );
    // the refusals per rule id: a bar each, and the same rows with the rule's title and a link to it
    const chart = dialog.getByTestId("refusal-chart");
    await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
    const consentRule = chart.getByTestId("refusal-FR-CNIL-SOCIAL-ENRICHMENT");
    await expect(consentRule).toContainText(fr(expected.deniedBy["FR-CNIL-SOCIAL-ENRICHMENT"] ?? 0));
    await expect(
      consentRule.getByRole("link", { name: "Ouvrir la règle FR-CNIL-SOCIAL-ENRICHMENT" }),
    ).toHaveAttribute("href", "/admin/rules/FR-CNIL-SOCIAL-ENRICHMENT");
    await expect(consentRule).toContainText(/consent/i);
    const ruleRows = chart.locator('[data-testid^="refusal-"]');
    const reasons = [...Object.values(expected.deniedBy), expected.noLiveConsent, expected.escalated];
    await expect(ruleRows).toHaveCount(reasons.filter((n) => n > 0).length);

    await dialog.getByRole("button", { name: "Lancer l'enrichissement" }).click();
    const progress = dialog.getByTestId("enrich-progress");
    await expect(progress).toBeVisible();
    await expect(progress.getByRole("progressbar", { name: "Avancement de l'enrichissement" })).toBeVisible();
    await expect(progress).toHaveAttribute("data-state", "completed", { timeout: 60_000 });
    await expect(dialog.getByTestId("enrich-progress-count")).toHaveText(
      `${fr(expected.eligible)} / ${fr(expected.eligible)} contacts`,
    );
    await expect(dialog.getByTestId("enrich-state")).toHaveText("Terminé");
    await expect(dialog.getByTestId("outcome-found")).toContainText("Profil trouvé");
    await dialog.getByRole("button", { name: "Fermer" }).click();
    await expect(dialog).toBeHidden();

    // a contact the job enriched: its fields, provider and consent
    const [target] = await enrichedContacts(page, "facebook");
    expect(target, "the sandbox has a Facebook profile for someone eligible").toBeDefined();
    if (!target) return;
    const section = await openEnrichedSection(page, target.contactId);
    const card = section.getByTestId("enriched-facebook");
    await expect(card).toContainText("Facebook");
    await expect(card).toContainText(target.enrichment.handle ?? "");
    await expect(card.getByTestId("enriched-consent")).toContainText(
      "Obtenu sous le consentement : Enrichissement par réseaux sociaux",
    );
    await expect(card.getByTestId("enriched-consent")).toContainText(target.enrichment.consentId.slice(0, 8));
    const profile = card.getByRole("link", { name: "Ouvrir le profil" });
    await expect(profile).toHaveAttribute("href", target.enrichment.profileUrl ?? "");
    await expect(profile).toHaveAttribute("target", "_blank");
    // the photo is a link: no third-party image is loaded (CSP img-src 'self' data:)
    await expect(section.locator("img")).toHaveCount(0);

    await card.getByRole("button", { name: "Retirer l'enrichissement Facebook" }).click();
    const confirm = page.getByRole("dialog", { name: "Retirer les données Facebook ?" });
    await expect(confirm).toContainText("supprimées définitivement");
    await confirm.getByRole("button", { name: "Retirer l'enrichissement", exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(section.getByTestId("enriched-facebook")).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("region", { name: "Données enrichies" })).toBeVisible();
    await expect(page.getByTestId("enriched-facebook")).toHaveCount(0);
  });

  test("withdrawing the enrichment consent on a contact removes the data enriched under it", async ({
    page,
    baseURL,
  }) => {
    await enrichmentOn(baseURL);
    await signIn(page, demo("staff"));
    await runEnrichment(page, "facebook");
    const [target] = await enrichedContacts(page, "facebook");
    expect(target, "an enriched contact to withdraw the consent of").toBeDefined();
    if (!target) return;

    const section = await openEnrichedSection(page, target.contactId);
    await expect(section.getByTestId("enriched-facebook")).toBeVisible();
    const ledger = page.getByRole("region", { name: "Registre des consentements" });
    const consent = ledger.getByTestId(`consent-${target.enrichment.consentId}`);
    await expect(consent).toHaveAttribute("data-scope", "social_enrichment");
    await expect(consent.getByTestId("consent-status")).toHaveText("Valide");

    await consent
      .getByRole("button", { name: "Retirer le consentement « Enrichissement par réseaux sociaux »" })
      .click();
    const confirm = page.getByRole("dialog", {
      name: "Retirer le consentement « Enrichissement par réseaux sociaux » ?",
    });
    await expect(confirm).toContainText("les données enrichies obtenues sous ce consentement");
    await confirm.getByRole("button", { name: "Retirer le consentement", exact: true }).click();
    await expect(confirm).toBeHidden();

    await expect(consent.getByTestId("consent-status")).toHaveText("Retiré");
    await expect(consent.getByRole("button", { name: /Retirer le consentement/ })).toHaveCount(0);
    await expect(section.getByTestId("enriched-facebook")).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("region", { name: "Données enrichies" })).toBeVisible();
    await expect(page.getByTestId("enriched-facebook")).toHaveCount(0);
  });

  test("Enrich on a filtered list considers the contacts of that filter only", async ({ page, baseURL }) => {
    await enrichmentOn(baseURL);
    await signIn(page, demo("staff"));
    const filter = { source: "newsletter_signup", search: "ar" };
    const expected = await query<Preview>(page, "enrichment.preview", { provider: "facebook", filter });
    const all = await query<Preview>(page, "enrichment.preview", { provider: "facebook" });
    expect(expected.total).toBeLessThan(all.total);

    await page.goto("/contacts?source=newsletter_signup&q=ar");
    await page.getByRole("button", { name: "Enrichir" }).click();
    const dialog = page.getByRole("dialog", { name: "Enrichir les contacts de la liste" });
    await expect(dialog.getByTestId("enrich-scope")).toHaveText(
      "Contacts considérés : ceux de la liste actuelle (source : Inscription à la lettre d'information, recherche : « ar »).",
    );
    await expect(dialog.getByRole("combobox", { name: "Réseau" })).toHaveValue("Facebook");
    await expect(dialog.getByTestId("enrich-eligible")).toHaveText(
      new RegExp(`^${fr(expected.eligible)} sur ${fr(expected.total)} éligibles?$`),
    );
  });

  test("a volunteer and a compliance member get no Enrich action, and the API refuses them", async ({
    page,
  }) => {
    for (const role of ["volunteer", "compliance"] as const) {
      await signIn(page, demo(role));
      await page.goto("/contacts");
      await expect(page.getByTestId("contacts-total")).toBeVisible();
      await expect(page.getByRole("button", { name: "Enrichir" })).toHaveCount(0);
      const preview = await page.request.get(
        `/trpc/enrichment.preview?input=${encodeURIComponent(JSON.stringify({ provider: "facebook" }))}`,
      );
      expect(preview.status()).toBe(403);
      // the provider list is for those who enrich (staff) and those who read the switches (compliance)
      const providers = await page.request.get("/trpc/countries.providers");
      expect(providers.status()).toBe(role === "volunteer" ? 403 : 200);
      await page.context().clearCookies();
    }
  });
});
