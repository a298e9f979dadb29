import { expect, test } from "@playwright/test";
import { demo, fillSignIn, signIn, signOut } from "../support/auth";

test.describe("admin members", () => {
  test("an admin adds a member; the one-time password is shown once and works once", async ({ page }) => {
    const email = `e2e-${Date.now()}@demo.isoloir.test`;
    await signIn(page, demo("admin"), { app: "admin" });
    await page.getByRole("link", { name: "Membres et rôles" }).click();
    await expect(page.getByRole("heading", { name: "Membres et rôles" })).toBeVisible();

    await page.getByRole("button", { name: "Ajouter un membre" }).click();
    const form = page.getByRole("dialog", { name: "Ajouter un membre" });
    await form.getByRole("textbox", { name: "Adresse électronique", exact: true }).fill(email);
    await form.getByRole("textbox", { name: "Nom complet", exact: true }).fill("Camille Testeuse");
    await form.getByRole("button", { name: "Ajouter" }).click();

    const dialog = page.getByRole("dialog", { name: "Mot de passe à usage unique" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("alert")).toContainText("ne sera plus jamais affiché");
    await expect(dialog.getByRole("button", { name: "Copier" })).toBeVisible();
    const password = (await dialog.getByTestId("one-time-password").textContent())?.trim() ?? "";
    expect(password.length).toBeGreaterThanOrEqual(10);

    await dialog.getByRole("button", { name: "J'ai transmis le mot de passe" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId(`member-${email}`)).toContainText("Camille Testeuse");
    await expect(page.getByText(password)).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId(`member-${email}`)).toBeVisible();
    await expect(page.getByText(password)).toHaveCount(0);

    // the new member signs in with it and must choose a password first
    await signOut(page);
    await fillSignIn(page, email, password);
    await expect(page.getByRole("heading", { name: "Choisissez votre mot de passe" })).toBeVisible();
    const field = (name: string) => page.getByRole("textbox", { name, exact: true });
    await field("Mot de passe actuel").fill(password);
    await field("Nouveau mot de passe").fill("a-personal-passphrase");
    await field("Confirmez le nouveau mot de passe").fill("a-personal-passphrase");
    await page.getByRole("button", { name: "Changer le mot de passe" }).click();
    await expect(page.getByRole("heading", { name: "Organisation" })).toBeVisible();
  });

  test("an admin changes a member's role and removes them, after confirming", async ({ page }) => {
    const email = `e2e-role-${Date.now()}@demo.isoloir.test`;
    await signIn(page, demo("admin"), { app: "admin" });
    await page.goto("/admin/members");
    await page.getByRole("button", { name: "Ajouter un membre" }).click();
    const form = page.getByRole("dialog", { name: "Ajouter un membre" });
    await form.getByRole("textbox", { name: "Adresse électronique", exact: true }).fill(email);
    await form.getByRole("textbox", { name: "Nom complet", exact: true }).fill("Dominique Rôle");
    await form.getByRole("button", { name: "Ajouter" }).click();
    await page.getByRole("button", { name: "J'ai transmis le mot de passe" }).click();

    const row = page.getByTestId(`member-${email}`);
    await row.getByRole("combobox", { name: "Rôle de Dominique Rôle" }).click();
    await page.getByRole("option", { name: "Conformité" }).click();
    await expect(page.getByText("Rôle de Dominique Rôle changé en « Conformité ».")).toBeVisible();

    await row.getByRole("button", { name: "Retirer" }).click();
    const confirm = page.getByRole("dialog", { name: "Retirer Dominique Rôle ?" });
    await confirm.getByRole("button", { name: "Retirer" }).click();
    await expect(row).toHaveCount(0);
  });
});
