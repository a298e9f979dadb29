import { expect, test } from "@playwright/test";
import { demo, signIn } from "../support/auth";

test.describe("language switch", () => {
  test("switches the whole page between French and English and keeps the choice", async ({ page }) => {
    await signIn(page, demo("staff"));
    await expect(page.getByRole("heading", { name: "Tableau de bord" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");

    await page.getByTestId("language-switch").getByText("EN").click();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(page.getByText("Contacts per source")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    await page.goto("/contacts");
    await expect(page.getByRole("columnheader", { name: "Email address" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("columnheader", { name: "Email address" })).toBeVisible();

    await page.getByTestId("language-switch").getByText("FR").click();
    await expect(page.getByRole("columnheader", { name: "Adresse électronique" })).toBeVisible();
  });

  test("the choice carries over to the admin app", async ({ page }) => {
    await signIn(page, demo("admin"), { app: "admin" });
    await page.getByTestId("language-switch").getByText("EN").click();
    await expect(page.getByRole("link", { name: "Members and roles" })).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  });
});
