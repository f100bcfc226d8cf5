import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, scanEverywhere } from "./support/axe";

/** The API page: make a token, see it once, use it from a client with no cookies, revoke it, and it stops. */
test("a token made on the API page works from a script until it is revoked there", async ({ page, playwright, baseURL }) => {
  test.setTimeout(90_000);
  const name = `Nightly render ${Date.now()}`;
  await page.goto("/");
  await page.getByRole("button", { name: /, account$/ }).click();
  await page.getByRole("menuitem", { name: "API" }).click();
  await expect(page.getByRole("heading", { name: "API", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "API reference" })).toHaveAttribute("href", "/docs/api");

  await page.getByRole("button", { name: "New token" }).click();
  const dialog = page.getByRole("dialog", { name: "New API token" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Scope").selectOption({ label: "Read only" });
  await dialog.getByRole("button", { name: "Make token" }).click();
  const shown = page.getByRole("dialog", { name: "Token made" });
  await expect(shown).toContainText("you won’t see it again");
  const secret = await shown.getByLabel("Your new token").inputValue();
  expect(secret).toMatch(/^kf_[A-Za-z0-9_-]{43}$/);
  await shown.getByRole("button", { name: "Copy token" }).click();
  await expect(shown.getByRole("status")).toHaveText("Copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await expectNoAxeViolations(page, "token made dialog");
  await shown.getByRole("button", { name: "Done" }).click();

  const mine = page.getByRole("region", { name: "Your tokens" });
  const card = mine.getByRole("listitem").filter({ hasText: name });
  await expect(card).toContainText(`${secret.slice(0, 10)}…`);
  await expect(card).toContainText("Read only");
  await expect(card.getByText("never", { exact: true })).toHaveCount(1); // last used
  await expect(page.getByText(secret)).toHaveCount(0);

  const script = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const jobs = () => script.get("/api/jobs?limit=1", { headers: { Authorization: `Bearer ${secret}` } });
  expect((await jobs()).status()).toBe(200);
  const refused = await script.post("/api/jobs", { headers: { Authorization: `Bearer ${secret}` }, multipart: { prompt: "x" } });
  expect(refused.status()).toBe(403);
  await page.reload();
  await expect(card.getByText("never", { exact: true })).toHaveCount(0);

  await mine.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Token “${name}” revoked.` })).toBeVisible();
  await expect(mine.getByRole("listitem").filter({ hasText: name })).toHaveCount(0);
  const after = await jobs();
  expect(after.status()).toBe(401);
  expect((await after.json()).error.message).toBe("This API token was revoked. Make a new one on the API page.");
  await script.dispose();
});

test("the API page is axe-clean, light and dark, desktop and phone", async ({ page }) => {
  test.setTimeout(90_000);
  await scanEverywhere(page, "/account/api", "api page", async () => {
    await expect(page.getByRole("heading", { name: "Everyone’s tokens" })).toBeVisible();
  });
});
