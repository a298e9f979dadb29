import { expect, type Page } from "@playwright/test";

export const demoPassword = "isoloir-demo-2027";
export const demo = (role: "owner" | "admin" | "compliance" | "staff" | "volunteer") =>
  `${role}@demo.isoloir.test`;

/** Signs in through the form (French, the default language) and waits to leave the sign-in page. */
export async function signIn(
  page: Page,
  email: string,
  options: { app?: "web" | "admin"; password?: string } = {},
) {
  await page.goto(options.app === "admin" ? "/admin/sign-in" : "/sign-in");
  await fillSignIn(page, email, options.password ?? demoPassword);
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByRole("textbox", { name: "Adresse électronique", exact: true }).fill(email);
  await page.getByRole("textbox", { name: "Mot de passe", exact: true }).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

export async function signOut(page: Page) {
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}
