import { expect, test } from "@playwright/test";
import { demo, fillSignIn, signIn } from "../support/auth";

test.describe("web: unauthorised access", () => {
  test("a signed-out visitor to /contacts is sent to sign-in, then back to /contacts", async ({ page }) => {
    await page.goto("/contacts");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcontacts$/);
    await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible();
    await fillSignIn(page, demo("staff"), "isoloir-demo-2027");
    await expect(page).toHaveURL(/\/contacts$/);
    await expect(page.getByRole("heading", { name: "Contacts" })).toBeVisible();
  });

  test("a signed-out visitor to a contact page is sent to sign-in", async ({ page }) => {
    await page.goto("/contacts/00000000-0000-4000-8000-000000000000");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
  });

  test("the API refuses contacts to a signed-out caller", async ({ request }) => {
    const response = await request.get(
      `/trpc/contacts.list?input=${encodeURIComponent(JSON.stringify({ page: 1 }))}`,
    );
    expect(response.status()).toBe(401);
  });

  test("a volunteer sees none of the base beyond their assigned contacts, and no breakdown by source", async ({
    page,
  }) => {
    await signIn(page, demo("staff"));
    await expect(page.getByTestId("total-contacts")).toHaveText(/\d/);
    const staffTotal = Number((await page.getByTestId("total-contacts").textContent())?.replace(/\D/g, ""));
    await page.context().clearCookies();

    await signIn(page, demo("volunteer"));
    await expect(page.getByText(/Votre rôle donne accès à vos listes attribuées seulement/)).toBeVisible();
    await expect(page.getByTestId("sources-chart")).toHaveCount(0);
    await page.goto("/contacts");
    const total = page.getByTestId("contacts-total");
    await expect(total).toHaveText(/contact/);
    const volunteerTotal = Number((await total.textContent())?.replace(/\D/g, ""));
    expect(volunteerTotal).toBeLessThanOrEqual(25);
    expect(volunteerTotal).toBeLessThan(staffTotal);
  });
});
