import { expect, type Locator, type Page, test } from "@playwright/test";
import { apiSession, mutateRaw, query } from "../support/api";
import { demo, signIn } from "../support/auth";
import { setCountry, setProvider } from "../support/enrichment";

// Mantine draws the switch's track over its input: click where the user clicks
const toggle = (control: Locator) => control.click({ force: true });

async function openJurisdictions(page: Page, role: "admin" | "compliance") {
  await signIn(page, demo(role), { app: "admin" });
  await page.getByRole("navigation").getByRole("link", { name: "Juridictions" }).click();
  await expect(page).toHaveURL(/\/admin\/jurisdictions$/);
  await expect(page.getByRole("heading", { name: "Juridictions", exact: true })).toBeVisible();
}

test.describe("admin jurisdictions: enrichment switches and providers", () => {
  test("an admin switches France on (justification, CNIL 2016 confirmation), the history shows it, then off", async ({
    page,
    baseURL,
  }) => {
    const admin = await apiSession(baseURL ?? "", demo("admin"));
    await setCountry(admin, "FR", false);
    await admin.dispose();

    await openJurisdictions(page, "admin");
    const france = page.getByTestId("country-FR");
    const frSwitch = france.getByRole("switch", { name: "Enrichissement en France" });
    await expect(frSwitch).not.toBeChecked();
    await expect(frSwitch).toBeEnabled();
    // a country nobody touched is off by default
    await expect(page.getByTestId("country-US")).toContainText("Jamais modifié : désactivé par défaut");

    await toggle(frSwitch);
    const dialog = page.getByRole("dialog", { name: "Activer l'enrichissement : France" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText("Au moins 20 caractères", { exact: false })).toBeVisible();
    // the CNIL 2016 sentence is shown in full: the demo organisation is a French party
    await expect(dialog.getByTestId("cnil-2016-text")).toContainText(
      "Je confirme avoir pris connaissance de la position de la CNIL du 8 novembre 2016",
    );
    await expect(dialog.getByTestId("cnil-2016-text")).toContainText("qui y ont expressément consenti.");

    const field = dialog.getByRole("textbox", { name: "Justification" });
    await field.fill("trop court");
    await expect(dialog.getByTestId("justification-count")).toHaveText("10 / 20 caractères minimum");
    await dialog.getByRole("button", { name: "Activer" }).click();
    await expect(dialog.getByText("Écrivez au moins 20 caractères (10 pour l'instant).")).toBeVisible();
    await expect(dialog.getByText("Cochez « Je confirme »", { exact: false })).toBeVisible();
    await expect(dialog).toBeVisible();
    await expect(frSwitch).not.toBeChecked();

    const why = "Nos adhérents ont demandé à retrouver nos événements locaux sur Meetup.";
    await field.fill(why);
    await expect(dialog.getByText("Écrivez au moins 20 caractères", { exact: false })).toHaveCount(0);
    await dialog.getByRole("button", { name: "Activer" }).click();
    await expect(dialog.getByText("Cochez « Je confirme »", { exact: false })).toBeVisible();
    await expect(dialog).toBeVisible();

    await dialog.getByRole("checkbox", { name: "Je confirme" }).check();
    await dialog.getByRole("button", { name: "Activer" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Enrichissement activé : France.")).toBeVisible();
    await expect(frSwitch).toBeChecked();
    await expect(france).toContainText("Activé");
    await expect(france).toContainText(why);

    // the history: who, when, why, and the CNIL confirmation
    await france.getByRole("button", { name: "Historique · France" }).click();
    const history = page.getByRole("table", { name: "Historique de France" });
    const latest = history.getByRole("row").nth(1);
    await expect(latest).toContainText("Démo admin (vous)");
    await expect(latest).toContainText("Activé");
    await expect(latest).toContainText(why);
    await expect(latest).toContainText("Position CNIL 2016 confirmée");
    await expect(latest).toContainText(/\d{4}/);

    // switching off asks first, and says what happens to the enriched data
    await toggle(frSwitch);
    const off = page.getByRole("dialog", { name: "Désactiver l'enrichissement : France ?" });
    await expect(off).toContainText("masquées immédiatement, puis supprimées en arrière-plan");
    await off.getByRole("textbox", { name: "Motif (facultatif)" }).fill("Fin de la campagne locale (e2e).");
    await off.getByRole("button", { name: "Désactiver" }).click();
    await expect(off).toBeHidden();
    await expect(frSwitch).not.toBeChecked();
    await expect(history.getByRole("row").nth(1)).toContainText("Désactivé");
    await expect(history.getByRole("row").nth(1)).toContainText("Fin de la campagne locale (e2e).");
    await expect(history.getByRole("row").nth(2)).toContainText(why);
  });

  test("an admin allows X (Twitter) on the provider allow-list", async ({ page, baseURL }) => {
    const admin = await apiSession(baseURL ?? "", demo("admin"));
    await setProvider(admin, "twitter", false);
    await admin.dispose();

    await openJurisdictions(page, "admin");
    const providers = page.getByRole("region", { name: "Réseaux autorisés" });
    for (const name of ["Facebook", "LinkedIn", "X (Twitter)", "Meetup"]) {
      await expect(providers.getByRole("switch", { name: `Autoriser ${name}` })).toBeVisible();
    }
    const twitter = providers.getByRole("switch", { name: "Autoriser X (Twitter)" });
    await expect(twitter).not.toBeChecked();
    await toggle(twitter);
    await expect(page.getByText("X (Twitter) est désormais autorisé.")).toBeVisible();
    await expect(twitter).toBeChecked();
    await expect(page.getByTestId("provider-twitter")).toContainText("Autorisé");
    await page.reload();
    await expect(page.getByRole("switch", { name: "Autoriser X (Twitter)" })).toBeChecked();
  });

  test("a compliance member reads the switches but cannot change them, nor can the API be made to", async ({
    page,
  }) => {
    await openJurisdictions(page, "compliance");
    await expect(page.getByTestId("read-only-note")).toContainText(
      "Seuls un propriétaire ou un administrateur de l'organisation peuvent activer ou désactiver",
    );
    await expect(page.getByRole("switch", { name: "Enrichissement en France" })).toBeDisabled();
    await expect(page.getByRole("switch", { name: "Autoriser Facebook" })).toBeDisabled();
    // the history opens; names of other members are not compliance's to see
    await page.getByTestId("country-FR").getByRole("button", { name: "Historique · France" }).click();
    await expect(page.getByText(/Aucun changement|un membre/).first()).toBeVisible();

    const refused = await mutateRaw(page, "countries.setEnrichment", { country: "DE", enabled: false });
    expect(refused.status()).toBe(403);
    const provider = await mutateRaw(page, "countries.setProvider", { provider: "meetup", allowed: true });
    expect(provider.status()).toBe(403);
  });

  test("a staff member cannot read the switches: no Jurisdictions page, and the API gives them the provider list only", async ({
    page,
  }) => {
    await signIn(page, demo("staff"), { app: "admin" });
    const nav = page.getByRole("navigation");
    await expect(nav.getByRole("link", { name: "Organisation" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Juridictions" })).toHaveCount(0);

    // the address itself says the page is not for their role, in French and in English, and shows nothing of it
    await page.goto("/admin/jurisdictions");
    await expect(page.getByTestId("forbidden")).toContainText("Accès refusé");
    await expect(page.getByTestId("forbidden")).toContainText("Votre rôle dans cette organisation");
    await expect(page.getByRole("switch")).toHaveCount(0);
    await expect(page.getByTestId("country-FR")).toHaveCount(0);
    await page.getByTestId("language-switch").getByText("EN").click();
    await expect(page.getByTestId("forbidden")).toContainText("Access denied");
    await expect(page.getByTestId("forbidden")).toContainText("Your role in this organisation");
    await page.getByTestId("language-switch").getByText("FR").click();

    // the switches, their history and the switch form's requirements are refused
    for (const [path, input] of [
      ["countries.list", undefined],
      ["countries.switchRequirements", undefined],
      ["countries.history", { country: "FR" }],
    ] as const) {
      const url = `/trpc/${path}${input ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ""}`;
      expect((await page.request.get(url)).status(), path).toBe(403);
    }
    // the provider list their Enrich dialog needs stays readable, and carries nothing but provider and allowed
    const providers = await query<Record<string, unknown>[]>(page, "countries.providers");
    expect(providers.map((row) => row.provider).sort()).toEqual([
      "facebook",
      "linkedin",
      "meetup",
      "twitter",
    ]);
    for (const row of providers) expect(Object.keys(row).sort()).toEqual(["allowed", "provider"]);

    const refused = await mutateRaw(page, "countries.setEnrichment", { country: "DE", enabled: false });
    expect(refused.status()).toBe(403);
    const provider = await mutateRaw(page, "countries.setProvider", { provider: "meetup", allowed: true });
    expect(provider.status()).toBe(403);
  });
});
