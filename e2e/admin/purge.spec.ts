import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { apiSession, mutate, mutateRaw, query } from "../support/api";
import { demo, signIn } from "../support/auth";
import { getPlan, legacyReasons, planThroughApi, screenshot } from "../support/purge";

const planUrl = /\/admin\/purges\/([0-9a-f-]{36})$/;

test.describe("admin: purges", () => {
  test("the admin plans the legacy purge, compliance approves it, the admin runs it to the end and the certificate verifies", async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, demo("admin"), { app: "admin" });
    await page.getByRole("navigation").getByRole("link", { name: "Purges" }).click();
    await expect(page.getByRole("heading", { name: "Purges" })).toBeVisible();
    await page.getByTestId("new-plan").click();

    // step 1: reasons, each with its plain-language description and rule ids
    await expect(page.getByText("Règles : FR-CNIL-SOCIAL-ENRICHMENT")).toBeVisible();
    await page.getByTestId("compute-plan").click();
    await expect(
      page.getByText("Choisissez au moins un motif : un périmètre seul n'est jamais un motif."),
    ).toBeVisible();
    for (const reason of legacyReasons) await page.getByTestId(`reason-${reason}`).check();
    await page.getByTestId("compute-plan").click();
    await expect(page).toHaveURL(planUrl, { timeout: 30_000 });
    const planId = planUrl.exec(page.url())?.[1] ?? "";

    // step 2: the exact counts, as the API has them
    const plan = await getPlan(page, planId);
    expect(plan.state).toBe("planned");
    // the server always runs on a fresh throw-away demo (playwright.config.ts), whose legacy batch is there
    expect(plan.counts.targets).toBeGreaterThan(0);
    await expect(page.getByTestId("plan-review")).toBeVisible();
    await expect(page.getByTestId("plan-chart")).toBeVisible();
    for (const reason of legacyReasons) {
      const n = plan.counts.byReason[reason]?.targets ?? 0;
      await expect(page.getByTestId(`by-reason-${reason}`).getByTestId("count")).toHaveText(
        new Intl.NumberFormat("fr-FR").format(n),
      );
    }
    for (const [rule, n] of Object.entries(plan.counts.byRule)) {
      await expect(page.getByTestId(`by-rule-${rule}`).getByTestId("count")).toHaveText(
        new Intl.NumberFormat("fr-FR").format(n),
      );
    }
    await expect(page.getByTestId("plan-hash")).toHaveText(plan.planHash);
    await expect(page.getByTestId("plan-expiry")).toContainText("Expire le");
    await expect(page.getByTestId("plan-samples")).toContainText("contact:");
    await expect(page.getByTestId("needs-human")).toBeVisible();
    await screenshot(page, "purge-review");

    // step 3: the admin may not approve, and is told who may
    await page.getByTestId("to-approval").click();
    await expect(page.getByTestId("cannot-approve")).toContainText("seul un membre « Conformité » le peut");
    await expect(page.getByTestId("approvers")).toContainText("Peuvent approuver");
    await expect(page.getByRole("button", { name: "Approuver le plan" })).toHaveCount(0);

    // the compliance member approves it in their own browser context
    const compliance = await browser.newContext({ baseURL });
    const approver = await compliance.newPage();
    await signIn(approver, demo("compliance"), { app: "admin" });
    await approver.goto(`/admin/purges/${planId}`);
    await approver.getByTestId("to-approval").click();
    // the cooling-off is stated next to the approval: the demo's roles date from 30 days before the seed
    await expect(approver.getByTestId("four-eyes-rule")).toContainText(
      "au moins 24 h avant la création du plan",
    );
    await approver.getByTestId("approve-confirm").check();
    await approver.getByRole("button", { name: "Approuver le plan" }).click();
    await expect(approver.getByTestId("plan-state")).toHaveText("Approuvé");
    await compliance.close();

    // step 4: the admin runs it and watches the progress to the end
    await page.reload();
    await expect(page.getByTestId("purge-stepper")).toHaveAttribute("data-active", "run");
    await page.getByTestId("run-purge").click();
    await expect(page.getByTestId("purge-progress")).toHaveAttribute("data-state", "completed", {
      timeout: 120_000,
    });
    const total = new Intl.NumberFormat("fr-FR").format(plan.counts.targets);
    await expect(page.getByTestId("run-count")).toHaveText(`${total} / ${total} cibles`);
    const progress = await query<{ run: { deleted: number; alreadyGone: number } }>(page, "purge.progress", {
      planId,
    });
    expect(progress.run.deleted + progress.run.alreadyGone).toBe(plan.counts.targets);
    await expect(page.getByTestId("run-deleted")).toHaveText(`Supprimées : ${progress.run.deleted}`);

    // step 5: the certificate, its JSON, and its verification
    await page.getByTestId("see-certificate").click();
    await expect(page.getByTestId("certificate")).toBeVisible();
    await expect(page.getByTestId("certificate-plan-hash")).toHaveText(plan.planHash);
    await expect(page.getByTestId("certificate-policy-version")).toHaveText(plan.policyVersion);
    await expect(page.getByTestId("certificate-fingerprint")).toHaveText(/^SHA256:[0-9a-f]{64}$/);
    await expect(page.getByTestId("certificate-who")).toContainText("user:");
    const download = page.waitForEvent("download");
    await page.getByTestId("download-certificate").click();
    const file = await (await download).path();
    const json = JSON.parse(readFileSync(file, "utf8")) as {
      body: { plan: { id: string }; counts: { deleted: number } };
    };
    expect(json.body.plan.id).toBe(planId);
    expect(json.body.counts.deleted).toBe(progress.run.deleted);
    await page.getByTestId("verify-certificate").click();
    await expect(page.getByTestId("verification")).toHaveAttribute("data-ok", "true");
    await screenshot(page, "purge-certificate");
    const again = await mutate<{ ok: boolean }>(page, "purge.verify", { certificate: json });
    expect(again.ok).toBe(true);
  });

  test("a staff member sees no Purges entry, and the API refuses them", async ({ page }) => {
    await signIn(page, demo("staff"), { app: "admin" });
    const nav = page.getByRole("navigation");
    await expect(nav.getByRole("link", { name: "Organisation" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Purges" })).toHaveCount(0);
    await page.goto("/admin/purges");
    await expect(page.getByTestId("forbidden")).toContainText("Accès refusé");
    await page.goto("/admin/purges/new");
    await expect(page.getByTestId("forbidden")).toBeVisible();
    expect((await page.request.get("/trpc/purge.list")).status()).toBe(403);
    expect((await mutateRaw(page, "purge.create", { reasons: ["objected_all"] })).status()).toBe(403);
  });

  test("the planner cannot approve their own plan", async ({ page, baseURL }) => {
    const session = await apiSession(baseURL ?? "", demo("compliance"));
    const planned = await planThroughApi(session, ["objected_all"]);
    const refused = await mutateRaw(session, "purge.approve", {
      planId: planned.id,
      planHash: planned.planHash,
    });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain("four-eyes");
    await session.dispose();

    await signIn(page, demo("compliance"), { app: "admin" });
    await page.goto(`/admin/purges/${planned.id}`);
    await page.getByTestId("to-approval").click();
    await expect(page.getByTestId("cannot-approve")).toContainText("Vous avez planifié cette purge");
    await expect(page.getByRole("button", { name: "Approuver le plan" })).toHaveCount(0);
    expect((await getPlan(page, planned.id)).state).toBe("planned");
  });
});
