import { expect, test } from "@playwright/test";
import { demo, fillSignIn, signIn } from "../support/auth";

test.describe("admin: unauthorised access", () => {
  test("a signed-out visitor to /admin/ is sent to the admin sign-in page", async ({ page }) => {
    await page.goto("/admin/");
    await expect(page).toHaveURL(/\/admin\/sign-in$/);
    await expect(page.getByText("Isoloir · Administration")).toBeVisible();
  });

  test("a signed-out visitor to /admin/members signs in and comes back to it", async ({ page }) => {
    await page.goto("/admin/members");
    await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Fmembers$/);
    await fillSignIn(page, demo("admin"), "isoloir-demo-2027");
    await expect(page).toHaveURL(/\/admin\/members$/);
    await expect(page.getByRole("heading", { name: "Membres et rôles" })).toBeVisible();
  });

  test("a staff member does not see the Members page, nor the audit log", async ({ page }) => {
    await signIn(page, demo("staff"), { app: "admin" });
    const nav = page.getByRole("navigation");
    await expect(nav.getByRole("link", { name: "Organisation" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Membres et rôles" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Journal d'audit" })).toHaveCount(0);
    await expect(
      page.getByText("Votre rôle permet de consulter ces réglages, pas de les modifier."),
    ).toBeVisible();

    await page.goto("/admin/members");
    await expect(page.getByTestId("forbidden")).toContainText("Accès refusé");
    await expect(page.getByRole("table")).toHaveCount(0);
    await page.goto("/admin/audit");
    await expect(page.getByTestId("forbidden")).toBeVisible();
  });

  test("the API refuses the member list to a staff session", async ({ page }) => {
    await signIn(page, demo("staff"), { app: "admin" });
    const response = await page.request.get("/trpc/members.list");
    expect(response.status()).toBe(403);
  });
});
