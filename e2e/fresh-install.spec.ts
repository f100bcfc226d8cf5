import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { JOB_FIELDS } from "../lib/test/job-form";
import { landscape } from "./fixtures/images";
import { Playground } from "./pages/playground";
import { expectNoAxeViolations, scanEverywhere } from "./support/axe";
import { FRESH_PORT, FRESH_SIM_PORT } from "./support/ports";
import { freshData, startServer, stopServer } from "./support/server";

const DATA_DIR = "data/e2e-fresh";
const base = `http://127.0.0.1:${FRESH_PORT}`;
const ADMIN = { code: "", name: "Lin", email: "lin@studio.test", password: "a long enough password" };

// One server of its own: a fresh install (setup page, empty gallery), and WaveSpeed submits slowed to 5 s
// with one in flight, so a job stays queued long enough to cancel.
test.describe.serial("a fresh install", () => {
  test.use({ storageState: { cookies: [], origins: [] }, baseURL: base });
  let server: Awaited<ReturnType<typeof startServer>>;

  test.beforeAll(async () => {
    await freshData(DATA_DIR);
    server = await startServer(FRESH_PORT, {
      DATA_DIR,
      SIMULATOR_PORT: String(FRESH_SIM_PORT),
      SIMULATOR_DELAY_MS: "1500",
      SIMULATOR_FAULTS: "submit:slowx*",
      SUBMIT_CONCURRENCY: "1",
    });
  });
  test.afterAll(async () => {
    await stopServer(server);
  });

  const signIn = async (page: Page) => {
    const res = await page.request.post("/api/session", { data: { email: ADMIN.email, password: ADMIN.password } });
    expect(res.status()).toBe(200);
  };

  test("setup, sign-in and the empty playground pass axe and fit a phone", async ({ page }) => {
    await scanEverywhere(page, "/setup", "setup", async () => {
      await expect(page.getByRole("heading", { name: "Create the admin account" })).toBeVisible();
    });
    ADMIN.code = fs.readFileSync(path.join(DATA_DIR, "setup-code"), "utf8").trim();
    expect((await page.request.post("/api/setup", { data: ADMIN })).ok()).toBe(true);
    await page.context().clearCookies();
    await scanEverywhere(page, "/sign-in", "sign-in", async () => {
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    });
    await signIn(page);
    await scanEverywhere(page, "/", "empty playground", async () => {
      await expect(page.getByText("No videos yet.")).toBeVisible();
      await expect(page.locator('form[data-hydrated="true"]')).toBeVisible();
    });
  });

  test("caps and what is left show before Generate; a refusal says what is left and when it resets", async ({ page }) => {
    await signIn(page);
    const settings = await (await page.request.get("/api/admin/settings")).json();
    expect((await page.request.put("/api/admin/settings", { data: { ...settings, teamDailyCapUsd: 0.1 } })).status()).toBe(200);
    const app = new Playground(page);
    await app.goto();
    await expect(page.getByTestId("cap-left")).toHaveText("$0.10 left under the team's daily cap");
    await app.setStartImage(landscape);
    await app.prompt.fill("A cap test: a kite climbs");
    await app.duration.fill("7");
    // $0.112 is more than is left: disabled, with the reason beside it.
    await expect(app.generate).toBeDisabled();
    await expect(page.locator("#generate-reason")).toHaveText(/This costs \$0\.112; only \$0\.10 is left under the team's daily cap until/);
    await app.duration.fill("5");
    await expect(app.generate).toBeEnabled();

    // Someone else spends meanwhile; this page's figures are now stale, the server's are not.
    await page.request.post("/api/jobs", {
      multipart: { image: { name: "s.png", mimeType: "image/png", buffer: landscape.buffer }, ...JOB_FIELDS, prompt: "Spent elsewhere" },
    });
    await app.generate.click();
    const refusal = page.getByRole("alert").filter({ hasText: "Refused: over a spend cap" });
    await expect(refusal).toContainText(/This costs \$0\.08\. Only \$0\.068 is left under the team's daily cap; it resets /);
    await expect(refusal).not.toContainText("UTC");
    await expect(refusal).toBeInViewport({ ratio: 1 });
    await expect(app.generate).toBeInViewport({ ratio: 1 });
  });

  test("a job still queued in Keyframe can be cancelled, and its reservation is released", async ({ page }) => {
    await signIn(page);
    const settings = await (await page.request.get("/api/admin/settings")).json();
    expect((await page.request.put("/api/admin/settings", { data: { ...settings, teamDailyCapUsd: null } })).status()).toBe(200);
    const app = new Playground(page);
    await app.goto();
    const before = (await (await page.request.get("/api/spend")).json()).spend.team.today as number;
    await app.setStartImage(landscape);
    await app.prompt.fill("A queue test: three lanterns rise");
    await app.duration.fill("2");
    await app.variations.selectOption("3");
    await app.generate.click();
    const queued = app.card("three lanterns rise").filter({ has: page.getByTestId("job-status").filter({ hasText: /^Queued$/ }) });
    await expect(queued).toHaveCount(2);
    await queued.first().getByRole("button", { name: "Cancel" }).click();
    await expect(app.card("three lanterns rise").getByTestId("job-status").filter({ hasText: "Cancelled" })).toHaveCount(1);
    await expect(app.card("three lanterns rise").getByText("Cancelled; nothing was charged.")).toBeVisible();
    const after = (await (await page.request.get("/api/spend")).json()).spend.team.today as number;
    expect(after - before).toBe(2 * 32_000);
  });

  test("a cap below the admin's own spend today says so and asks first; Cancel saves nothing", async ({ page }) => {
    await signIn(page);
    const saved = async () =>
      ((await (await page.request.get("/api/admin/settings")).json()) as { memberDailyCapUsd: number | null }).memberDailyCapUsd;
    expect(await saved()).toBeNull();
    await page.goto("/admin");
    const cap = page.getByLabel("Per member, per day");
    const save = page.getByRole("button", { name: "Save settings" });
    const status = page.getByRole("status").filter({ hasText: /saved/i });
    await cap.fill("0.05");
    await save.click();
    const dialog = page.getByRole("dialog", { name: "Save caps that refuse someone now?" });
    await expect(dialog).toContainText(/Per member, per day: \$0\.05\. Refused until midnight UTC: you \(\$0\.\d+ spent today\)\./);
    await expectNoAxeViolations(page, "cap refusals dialog");
    // The safe choice has the focus; saving is the red one.
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(status).toHaveText("Not saved.");
    expect(await saved()).toBeNull();

    await save.click();
    await dialog.getByRole("button", { name: "Save anyway" }).click();
    await expect(status).toHaveText("Saved. New caps apply to the next Generate.");
    expect(await saved()).toBe(0.05);
    // Lifting it refuses no one: saved without a question.
    await cap.fill("");
    await save.click();
    await expect(dialog).toHaveCount(0);
    await expect.poll(saved).toBeNull();
  });
});
