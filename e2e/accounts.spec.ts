import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { landscape } from "./fixtures/images";
import { Playground } from "./pages/playground";
import { FIRST_RUN_PORT, FIRST_RUN_SIM_PORT } from "./support/ports";
import { freshData, startServer, stopServer } from "./support/server";

const PORT = FIRST_RUN_PORT;
const DATA_DIR = "data/e2e-first-run";
const base = `http://127.0.0.1:${PORT}`;

test.describe("accounts", () => {
  // A fresh install has no session to reuse.
  test.use({ storageState: { cookies: [], origins: [] } });

  test("first-run setup, sign in, generate, sign out", async ({ page, request }) => {
    await freshData(DATA_DIR);
    const server = await startServer(PORT, { DATA_DIR, SIMULATOR_PORT: String(FIRST_RUN_SIM_PORT), SIMULATOR_DELAY_MS: "2000" });
    try {
      // Strangers get nothing: no page but setup, and 401 from the API.
      expect((await request.get(`${base}/api/jobs`)).status()).toBe(401);
      await page.goto(base);
      await expect(page).toHaveURL(/\/setup$/);
      await expect(page.getByRole("heading", { name: "Create the admin account" })).toBeVisible();

      await page.getByLabel("Setup code").fill("WRONG-CODE");
      await page.getByLabel("Your name").fill("Ada");
      await page.getByLabel("Email").fill("ada@studio.test");
      await page.getByLabel("Password").fill("a long enough password");
      await page.getByRole("button", { name: "Create the admin account" }).click();
      // Said once, beside the field it concerns.
      await expect(page.locator("#code-error")).toHaveText(/That setup code is wrong\. It is in the server log/);
      await expect(page.getByText(/That setup code is wrong/)).toHaveCount(1);
      await expect(page.locator("form").getByRole("alert")).toHaveCount(0);

      const code = fs.readFileSync(path.join(DATA_DIR, "setup-code"), "utf8").trim();
      await page.getByLabel("Setup code").fill(code);
      await page.getByRole("button", { name: "Create the admin account" }).click();
      const app = new Playground(page);
      await page.getByRole("button", { name: "Ada, account" }).click();
      await expect(page.getByRole("menu")).toContainText("Ada · Admin");
      await page.keyboard.press("Escape");
      await expect(page.locator('form[data-hydrated="true"]')).toBeVisible();

      const card = await app.generateOne("A first-run test: a paper plane glides", landscape);
      await expect(card.getByTestId("job-status")).toHaveText(/Completed in/, { timeout: 30_000 });
      await expect(card.getByText("You", { exact: true })).toBeVisible();
      await expect(page.getByTestId("spend")).toContainText("Me $0.032 today");

      await page.getByRole("button", { name: "Ada, account" }).click();
      await page.getByRole("menuitem", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/sign-in$/);
      await page.goto(base);
      await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);
      // The setup page is closed for good.
      await page.goto(`${base}/setup`);
      await expect(page).toHaveURL(/\/sign-in$/);

      await page.getByLabel("Email").fill("ada@studio.test");
      await page.getByLabel("Password").fill("not the password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password, or the account is disabled.");
      await page.getByLabel("Password").fill("a long enough password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(app.card("A first-run test")).toHaveCount(1);
    } finally {
      await stopServer(server);
    }
  });
});

test("a member cannot open the admin settings; the admin adds them and sets caps", async ({ page, browser, baseURL }) => {
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Team settings" })).toBeVisible();
  const email = `member-${Date.now()}@studio.test`;
  const members = page.getByRole("form", { name: "Add a member" });
  await members.getByLabel("Name").fill("Grace");
  await members.getByLabel("Email").fill(email);
  await members.getByLabel("Password").fill("grace's password 1");
  await members.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await page.getByLabel("Whole team, per day").fill("100");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved. New caps apply to the next Generate.")).toBeVisible();

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const member = await context.newPage();
  await member.goto(`${baseURL}/admin`);
  await expect(member).toHaveURL(/\/sign-in\?next=%2Fadmin$/);
  await member.getByLabel("Email").fill(email);
  await member.getByLabel("Password").fill("grace's password 1");
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member.getByRole("heading", { name: "Only admins can open team settings" })).toBeVisible();
  expect((await member.request.get(`${baseURL}/api/admin/settings`)).status()).toBe(403);
  await member.goto(`${baseURL}/`);
  await member.getByRole("button", { name: "Grace, account" }).click();
  await expect(member.getByRole("menu")).toContainText("Grace · Member");
  await expect(member.getByRole("menuitem", { name: "Team settings" })).toHaveCount(0);
  await context.close();
});

test("a state-changing request from another site is refused", async ({ request }) => {
  const res = await request.delete("/api/session", { headers: { Origin: "https://evil.example" } });
  expect(res.status()).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  // The session survived.
  expect((await request.get("/api/jobs?limit=1")).status()).toBe(200);
});

test("the same fixed-seed inputs ask before paying again; a team-only link needs sign-in", async ({ page, browser }) => {
  const app = new Playground(page);
  await app.goto();
  const prompt = `A lighthouse beam sweeps the fog dup-${Date.now()}`;
  const card = await app.generateOne(prompt, landscape, { seed: "4321" });
  await expect(app.card(prompt)).toHaveCount(1);
  await app.generate.click();
  const dialog = page.getByRole("dialog", { name: "Already generated" });
  await expect(dialog).toContainText("Open it, or pay $0.032 again?");
  // Its title is said once, and the earlier take's time is the viewer's local time, as on the cards.
  await expect(dialog.getByText(/Already generated/)).toHaveCount(1);
  await expect(dialog).not.toContainText("UTC");
  const created = await page.evaluate(
    async (p) =>
      ((await (await fetch("/api/jobs?limit=50")).json()) as { jobs: { prompt: string; createdAt: string }[] }).jobs.find(
        (j) => j.prompt === p,
      )!.createdAt,
    prompt,
  );
  const local = await page.evaluate((iso) => new Date(iso).toLocaleString([], { dateStyle: "medium", timeStyle: "short" }), created);
  await expect(dialog).toContainText(local);
  await dialog.getByRole("button", { name: "Pay $0.032 again" }).click();
  await expect(app.card(prompt)).toHaveCount(2);

  await app.saved(card.first());
  await app.more(card.first(), "Link: make team only");
  await expect(card.first().getByText(/link: team only/)).toBeVisible();
  const link = await app.shareLink(card.first());
  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewer = await stranger.newPage();
  await viewer.goto(link);
  await expect.poll(() => viewer.url()).toBe(`${new URL(link).origin}/sign-in?next=${encodeURIComponent(new URL(link).pathname)}`);
  expect((await viewer.request.get(`${link}/video.mp4`)).status()).toBe(401);
  await stranger.close();
});
