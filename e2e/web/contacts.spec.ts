import { expect, test } from "@playwright/test";
import { query } from "../support/api";
import { demo, signIn } from "../support/auth";

interface ListItem {
  id: string;
  email: string | null;
  lastName: string;
}
interface Detail {
  provenance: unknown[];
  consents: { withdrawnAt: string | null; mechanism: string; bundled: boolean; evidenceRef: string | null }[];
}

test.describe("web contacts", () => {
  test("lists contacts page by page and filters by source", async ({ page }) => {
    await signIn(page, demo("staff"));
    await page.getByRole("link", { name: "Contacts", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Contacts" })).toBeVisible();
    const total = page.getByTestId("contacts-total");
    await expect(total).toHaveText(/^[\d\s\u202f]+ contacts$/);
    const allText = await total.textContent();
    await expect(page.getByRole("table").getByRole("link")).toHaveCount(25);

    await page.getByRole("button", { name: "2", exact: true }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText(/^Page 2 sur \d+$/)).toBeVisible();

    await page.getByRole("combobox", { name: "Source" }).click();
    await page.getByRole("option", { name: "Porte-à-porte", exact: true }).click();
    await expect(page).toHaveURL(/source=door_to_door/);
    await expect(total).not.toHaveText(allText ?? "");
  });

  test("searches by name or email and opens a contact with its provenance and consent ledger", async ({
    page,
  }) => {
    await signIn(page, demo("staff"));
    // pick a contact whose ledger has a withdrawn or invalid consent, then find it through the UI
    const list = await query<{ items: ListItem[] }>(page, "contacts.list", { page: 1, pageSize: 100 });
    let target: ListItem | undefined;
    for (const item of list.items) {
      const detail = await query<Detail>(page, "contacts.get", { id: item.id });
      const marked = detail.consents.some(
        (c) =>
          c.withdrawnAt ||
          c.bundled ||
          !c.evidenceRef ||
          c.mechanism === "pre_ticked" ||
          c.mechanism === "none",
      );
      if (item.email && marked && detail.provenance.length > 0) {
        target = item;
        break;
      }
    }
    expect(target, "the demo seed has a contact with a withdrawn or invalid consent").toBeDefined();
    const email = target?.email ?? "";

    await page.goto("/contacts");
    await page.getByRole("searchbox", { name: "Rechercher" }).fill(email);
    await expect(page).toHaveURL(/q=/);
    await expect(page.getByTestId("contacts-total")).toHaveText("1 contact");
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page).toHaveURL(new RegExp(`/contacts/${target?.id}$`));

    await expect(page.getByRole("region", { name: "Identité et activité" })).toContainText(email);
    const provenance = page.getByRole("region", { name: "Provenance" });
    await expect(provenance.getByRole("columnheader", { name: "Base légale" })).toBeVisible();
    expect(await provenance.getByRole("row").count()).toBeGreaterThan(1);

    const ledger = page.getByRole("region", { name: "Registre des consentements" });
    await expect(ledger.getByRole("columnheader", { name: "Finalité" })).toBeVisible();
    const marked = ledger.locator('tr[data-status="withdrawn"], tr[data-status="invalid"]');
    await expect(marked.first()).toBeVisible();
    await expect(marked.first().getByTestId("consent-status")).toHaveText(/Retiré|Non valable/);
    await expect(page.getByRole("region", { name: "Oppositions" })).toBeVisible();
  });

  test("an unknown contact id says not found", async ({ page }) => {
    await signIn(page, demo("staff"));
    await page.goto("/contacts/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("alert")).toContainText("Introuvable.");
  });
});
