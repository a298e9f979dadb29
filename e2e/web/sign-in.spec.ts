import { expect, test } from "@playwright/test";
import { demo, fillSignIn, signIn, signOut } from "../support/auth";

test.describe("web sign-in", () => {
  test("a staff member signs in, lands on the dashboard with the contacts-per-source chart, and signs out", async ({
    page,
  }) => {
    const signInRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("auth.signIn"))
        signInRequests.push(new URL(request.url()).pathname + new URL(request.url()).search);
    });
    await signIn(page, demo("staff"));
    await expect(page.getByRole("heading", { name: "Tableau de bord" })).toBeVisible();
    // the server refuses a batch holding a sign-in: the client sends it alone, unbatched
    expect(signInRequests).toEqual(["/trpc/auth.signIn"]);
    await expect(page.getByTestId("org-name")).toHaveText("Renouveau Citoyen");
    await expect(page.getByTestId("sources-chart")).toBeVisible();
    await expect(page.getByTestId("total-contacts")).toHaveText(/\d/);
    await signOut(page);
    await page.goto("/contacts");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcontacts$/);
  });

  test("a wrong password gets a clear error, in French and in English", async ({ page }) => {
    await page.goto("/sign-in");
    await fillSignIn(page, "nobody-here@demo.isoloir.test", "not-the-password");
    await expect(page.getByRole("alert")).toHaveText("Adresse électronique ou mot de passe incorrect.");
    await page.getByTestId("language-switch").getByText("EN").click();
    await expect(page.getByRole("alert")).toHaveText("Wrong email address or password.");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("repeated failures are throttled with a message saying when to try again", async ({ page }) => {
    const email = `throttle-${Date.now()}@demo.isoloir.test`;
    await page.goto("/sign-in");
    // ten password checks per account per 15 minutes for a browser without that account's device cookie
    for (let attempt = 1; attempt <= 10; attempt++) {
      await fillSignIn(page, email, `wrong-${attempt}`);
      await expect(page.getByRole("alert")).toHaveText("Adresse électronique ou mot de passe incorrect.");
    }
    await fillSignIn(page, email, "wrong-11");
    await expect(page.getByRole("alert")).toHaveText(
      /Trop de tentatives de connexion\. Réessayez dans \d+ secondes\./,
    );
  });
});
