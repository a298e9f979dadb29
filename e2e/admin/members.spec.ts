import { expect, type Page, test } from "@playwright/test";
import { apiSession, mutate, query } from "../support/api";
import { demo, demoPassword, fillSignIn, signIn, signOut } from "../support/auth";

/** Opens the invite dialog, invites, and returns the invitation dialog's text with the password read out. */
async function invite(page: Page, email: string, name: string) {
  await page.getByRole("button", { name: "Ajouter un membre" }).click();
  const form = page.getByRole("dialog", { name: "Ajouter un membre" });
  await form.getByRole("textbox", { name: "Adresse électronique", exact: true }).fill(email);
  await form.getByRole("textbox", { name: "Nom complet", exact: true }).fill(name);
  await form.getByRole("button", { name: "Inviter" }).click();
  const dialog = page.getByRole("dialog", { name: "Invitation créée" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("alert")).toContainText("ne sera plus jamais affiché");
  await expect(dialog.getByRole("button", { name: "Copier" })).toBeVisible();
  const password = (await dialog.getByTestId("one-time-password").textContent())?.trim() ?? "";
  expect(password.length).toBeGreaterThanOrEqual(10);
  const text = (await dialog.textContent()) ?? "";
  await dialog.getByRole("button", { name: "J'ai transmis le mot de passe" }).click();
  await expect(dialog).toBeHidden();
  return { password, text: text.replace(email, "<email>").replace(password, "<password>") };
}

test.describe("admin members", () => {
  test("an admin invites a new email; the invitee sets a password, then accepts and joins", async ({
    page,
  }) => {
    const email = `e2e-${Date.now()}@demo.isoloir.test`;
    await signIn(page, demo("admin"), { app: "admin" });
    await page.getByRole("link", { name: "Membres et rôles" }).click();
    await expect(page.getByRole("heading", { name: "Membres et rôles" })).toBeVisible();

    const { password } = await invite(page, email, "Camille Testeuse");
    // invited, not a member: nobody joins before accepting
    await expect(page.getByTestId(`invitation-${email}`)).toContainText("En attente");
    await expect(page.getByTestId(`member-${email}`)).toHaveCount(0);
    await expect(page.getByText(password)).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId(`invitation-${email}`)).toBeVisible();
    await expect(page.getByText(password)).toHaveCount(0);

    // the new account signs in with it and must choose a password first
    await signOut(page);
    await fillSignIn(page, email, password);
    await expect(page.getByRole("heading", { name: "Choisissez votre mot de passe" })).toBeVisible();
    const field = (name: string) => page.getByRole("textbox", { name, exact: true });
    await field("Mot de passe actuel").fill(password);
    await field("Nouveau mot de passe").fill("a-personal-passphrase");
    await field("Confirmez le nouveau mot de passe").fill("a-personal-passphrase");
    await page.getByRole("button", { name: "Changer le mot de passe" }).click();

    // then sees the invitation and accepts it
    const invitations = page.getByTestId("pending-invitations");
    await expect(invitations).toContainText("Renouveau Citoyen");
    await expect(invitations).toContainText("Équipe");
    await invitations.getByRole("button", { name: "Accepter" }).click();
    await expect(page.getByRole("heading", { name: "Organisation" })).toBeVisible();
    await expect(page.getByTestId("pending-invitations")).toHaveCount(0);
  });

  test("inviting an existing account reads the same as a new email and attaches nobody until accepted", async ({
    page,
    baseURL,
    playwright,
  }) => {
    // the demo's platform operator has an account and no membership
    const existing = `operator@demo.isoloir.test`;
    await signIn(page, demo("admin"), { app: "admin" });
    await page.goto("/admin/members");
    const fresh = await invite(page, `e2e-same-${Date.now()}@demo.isoloir.test`, "Nouvelle Personne");
    const known = await invite(page, existing, "Nouvelle Personne");
    expect(known.text).toBe(fresh.text);
    await expect(page.getByTestId(`member-${existing}`)).toHaveCount(0);
    await expect(page.getByTestId(`invitation-${existing}`)).toContainText("En attente");

    // the password shown opens nothing for an existing account (a client of its own, signed in as nobody)
    const stranger = await playwright.request.newContext({ baseURL });
    const refused = await stranger.post("/trpc/auth.signIn", {
      headers: { "x-isoloir-csrf": "1", "content-type": "application/json" },
      data: JSON.stringify({ email: existing, password: known.password }),
    });
    expect(refused.status()).toBe(401);
    await stranger.dispose();

    // the operator, in their own session, accepts
    const operator = await apiSession(baseURL ?? "", existing, demoPassword);
    const mine = await query<{ invitationId: string }[]>(operator, "members.myInvitations");
    expect(mine).toHaveLength(1);
    await mutate(operator, "members.acceptInvitation", { invitationId: mine[0]?.invitationId });
    await page.reload();
    await expect(page.getByTestId(`member-${existing}`)).toBeVisible();
    await expect(page.getByTestId(`invitation-${existing}`)).toContainText("Acceptée");
  });

  test("an admin changes a member's role and removes them, after confirming", async ({ page, baseURL }) => {
    const email = `e2e-role-${Date.now()}@demo.isoloir.test`;
    await signIn(page, demo("admin"), { app: "admin" });
    await page.goto("/admin/members");
    const { password } = await invite(page, email, "Dominique Rôle");
    const invitee = await apiSession(baseURL ?? "", email, password);
    await mutate(invitee, "auth.changePassword", { current: password, next: "a-personal-passphrase" });
    const [invitation] = await query<{ invitationId: string }[]>(invitee, "members.myInvitations");
    await mutate(invitee, "members.acceptInvitation", { invitationId: invitation?.invitationId });
    await page.reload();

    const row = page.getByTestId(`member-${email}`);
    await row.getByRole("combobox", { name: "Rôle de Dominique Rôle" }).click();
    await page.getByRole("option", { name: "Conformité" }).click();
    await expect(page.getByText("Rôle de Dominique Rôle changé en « Conformité ».")).toBeVisible();

    await row.getByRole("button", { name: "Retirer" }).click();
    const confirm = page.getByRole("dialog", { name: "Retirer Dominique Rôle ?" });
    await confirm.getByRole("button", { name: "Retirer" }).click();
    await expect(row).toHaveCount(0);
  });

  test("a compliance member sees who granted which role, and manages nobody", async ({ page }) => {
    await signIn(page, demo("compliance"), { app: "admin" });
    await page.getByRole("link", { name: "Membres et rôles" }).click();
    const grants = page.getByTestId("role-grants");
    await expect(grants.getByRole("heading", { name: "Attributions de rôles" })).toBeVisible();
    await expect(grants.getByTestId("grant-Démo compliance")).toContainText("Conformité");
    // a compliance member manages nobody: no invite button, no member list
    await expect(page.getByRole("button", { name: "Ajouter un membre" })).toHaveCount(0);
    const refused = await page.request.get("/trpc/members.list");
    expect(refused.status()).toBe(403);
  });
});
