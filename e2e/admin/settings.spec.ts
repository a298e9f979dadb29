import { expect, test } from "@playwright/test";
import { query } from "../support/api";
import { demo, signIn } from "../support/auth";

test.describe("admin settings, jurisdictions and audit", () => {
  test("an admin edits the DPO contact; the change lands in a verified audit chain", async ({ page }) => {
    await signIn(page, demo("admin"), { app: "admin" });
    await expect(page).toHaveURL(/\/admin\/organisation$/);
    await expect(page.getByLabel("Nom de l'organisation")).toHaveValue("Renouveau Citoyen");
    await page.getByLabel("Nom du DPO").fill("Claire Delorme (e2e)");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByText("Modifications enregistrées")).toBeVisible();

    // four-eyes: on, and an admin (not an owner) cannot turn it off
    const fourEyes = page.getByRole("switch", { name: "Exiger une double validation (quatre yeux)" });
    await expect(fourEyes).toBeChecked();
    await expect(fourEyes).toBeDisabled();
    await expect(page.getByTestId("four-eyes-note")).toContainText("Seul un propriétaire");

    await page.getByRole("link", { name: "Journal d'audit" }).click();
    await expect(page.getByTestId("chain-status")).toHaveAttribute("data-status", "verified");
    await expect(page.getByTestId("chain-status")).toContainText(/Chaîne vérifiée : \d+ entrées?/);
    await expect(page.getByRole("cell", { name: /Organisation modifiée/ }).first()).toBeVisible();
  });

  test("the old Countries address opens Jurisdictions, with each country's contact count", async ({
    page,
  }) => {
    await signIn(page, demo("admin"), { app: "admin" });
    const countries = await query<{ country: string; contacts: number }[]>(page, "countries.list");
    const fr = countries.find((c) => c.country === "FR");
    expect(fr, "the demo organisation has contacts in France").toBeDefined();
    await page.goto("/admin/countries");
    await expect(page).toHaveURL(/\/admin\/jurisdictions$/);
    const france = page.getByTestId("country-FR");
    await expect(france).toContainText("France");
    await expect(france.getByRole("cell").nth(1)).toHaveText(
      new Intl.NumberFormat("fr-FR").format(fr?.contacts ?? 0),
    );
    await expect(page.getByRole("switch", { name: "Enrichissement en France" })).toBeEnabled();
  });
});
