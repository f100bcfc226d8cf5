// backend-free: a touch phone's layout, what the browser draws; its takes are made through routes tested on both databases
import { expect, test, type Locator } from "@playwright/test";
import { Playground } from "./pages/playground";
import { expectNoAxeViolations, expectNoSidewaysScroll, SCHEMES } from "./support/axe";
import { createJobs, savedJobs } from "./support/jobs";

// A touch phone: no hover, taps only.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** True when a tap on the middle of `target` would reach it (nothing drawn over it). */
const uncovered = (target: Locator) =>
  target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return top !== null && (el === top || el.contains(top));
  });

test("a phone's cards: picture and status uncovered, one More button per card holds every action", async ({ page }) => {
  const tag = `phone-cards-${Date.now()}`;
  const made = await createJobs(page.request, `Slow pan across a misty valley ${tag}`, { aspectRatio: "9:16", variations: "3" });
  await createJobs(page.request, `A kite falls [sim:fail] ${tag}`, { aspectRatio: "9:16" });
  await savedJobs(
    page.request,
    made.map((j) => j.id),
  );
  const app = new Playground(page);
  await app.goto();
  await app.gallery.getByRole("searchbox").fill(tag);
  await expect(app.cards()).toHaveCount(4);
  const failed = app.card("A kite falls");
  await expect(failed.getByTestId("job-status")).toHaveText("Failed", { timeout: 30_000 });

  for (const card of await app.cards().all()) {
    await card.scrollIntoViewIfNeeded();
    const picture = card.getByRole("button", { name: /^Open take/ });
    const badge = card.getByTestId("job-status");
    const cardBox = (await card.boundingBox())!;
    const pictureBox = (await picture.boundingBox())!;
    const badgeBox = (await badge.boundingBox())!;
    await expect(badge).toBeVisible();
    // The prompt has the caption's whole first line.
    const prompt = (await card.getAttribute("aria-label"))!.replace(/^Take: /, "");
    expect((await card.getByText(prompt, { exact: true }).boundingBox())!.width).toBeGreaterThanOrEqual(cardBox.width - 1);
    expect(await uncovered(picture)).toBe(true);
    // One menu button, and no other control over the picture.
    await expect(card.getByRole("button", { name: "More" })).toHaveCount(1);
    await expect(card.getByRole("button", { name: /^(Copy link|Share link|Retry)/ })).toHaveCount(0);
    for (const control of await card.locator("button:visible, input:visible").all()) {
      if ((await control.getAttribute("aria-label"))?.startsWith("Open take")) continue;
      const box = (await control.boundingBox())!;
      expect(box.y + box.height, `${await control.textContent()} spills out of its card`).toBeLessThanOrEqual(
        cardBox.y + cardBox.height + 0.5,
      );
      expect(overlaps(box, pictureBox), `${await control.textContent()} over the picture`).toBe(false);
      expect(overlaps(box, badgeBox), `${await control.textContent()} over the status`).toBe(false);
    }
  }

  // Every action is in the menu.
  const card = app.card("Slow pan").first();
  await card.getByRole("button", { name: "More" }).tap();
  const menu = page.getByRole("menu");
  for (const item of ["Copy link", "Remix", "Download", "Reuse seed", "Add to storyboard…", "Delete…"]) {
    await expect(menu.getByRole("menuitem", { name: item })).toBeVisible();
  }
  for (const item of ["Star", "Select for compare"]) await expect(menu.getByRole("menuitemcheckbox", { name: item })).toBeVisible();
  await menu.getByRole("menuitem", { name: "Copy link" }).tap();
  await expect(card.getByRole("status")).toHaveText("Link copied.");

  await card.getByRole("button", { name: "More" }).tap();
  await menu.getByRole("menuitemcheckbox", { name: "Star" }).tap();
  await expect(card.getByTestId("starred-by")).toBeVisible();
  await card.getByRole("button", { name: "More" }).tap();
  await expect(menu.getByRole("menuitemcheckbox", { name: "Star" })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Escape");

  for (const one of [card, app.card("Slow pan").nth(1)]) {
    await one.getByRole("button", { name: "More" }).tap();
    await menu.getByRole("menuitemcheckbox", { name: "Select for compare" }).tap();
  }
  await expect(page.getByRole("link", { name: "Compare 2" })).toBeVisible();

  await failed.getByRole("button", { name: "More" }).tap();
  await expect(menu.getByRole("menuitem", { name: /^Retry · \$0\.032/ })).toBeVisible();
});

test("on a phone the viewer holds every action and lists no keyboard keys", async ({ page }) => {
  const tag = `phone-viewer-${Date.now()}`;
  const [made] = await createJobs(page.request, `A heron shakes off rain ${tag}`, { aspectRatio: "9:16" });
  await savedJobs(page.request, [made!.id]);
  const app = new Playground(page);
  await app.goto();
  await app.gallery.getByRole("searchbox").fill(tag);
  await expect(app.cards()).toHaveCount(1);
  await app
    .card(tag)
    .getByRole("button", { name: /^Open take/ })
    .tap();
  const viewer = app.viewer;
  await expect(viewer.locator("video")).toBeVisible();
  await expect(viewer.getByText(/M\s*sound/)).toBeHidden();
  for (const key of await viewer.locator("kbd").all()) await expect(key).toBeHidden();
  for (const name of ["Remix", "Copy link", "Star", "Select for compare", "Add to storyboard…", "Link options", "Delete…"]) {
    await expect(viewer.getByRole("button", { name })).toBeVisible();
  }
  await expect(viewer.getByRole("link", { name: "Download" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await viewer.getByRole("button", { name: "Star" }).tap();
  await expect(viewer.getByRole("button", { name: "Star" })).toHaveAttribute("aria-pressed", "true");
  await viewer.getByRole("button", { name: "Delete…" }).tap();
  await page.getByRole("dialog", { name: "Delete this video?" }).getByRole("button", { name: "Delete" }).tap();
  // Its only take gone, the viewer closes onto a gallery without it.
  await expect(viewer).toHaveCount(0);
  await expect(app.cards()).toHaveCount(0);
  expect((await page.request.get(`/api/jobs/${made!.id}`)).status()).toBe(404);
});

test("axe finds nothing on a touch phone's gallery, its open menu and the viewer, light and dark", async ({ page }) => {
  test.setTimeout(120_000);
  const tag = `phone-axe-${Date.now()}`;
  const made = await createJobs(page.request, `Reeds bend in the wind ${tag}`, { aspectRatio: "9:16", variations: "2" });
  await savedJobs(
    page.request,
    made.map((j) => j.id),
  );
  const app = new Playground(page);
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    await app.goto();
    await app.gallery.getByRole("searchbox").fill(tag);
    await expect(app.cards()).toHaveCount(2);
    await expect(app.cards().first().locator("img[data-poster]")).toBeVisible();
    await expectNoAxeViolations(page, `touch gallery ${scheme}`);
    await app.cards().first().getByRole("button", { name: "More" }).tap();
    await expect(page.getByRole("menu")).toBeVisible();
    await expectNoAxeViolations(page, `touch card menu ${scheme}`);
    await page.keyboard.press("Escape");
    await app
      .cards()
      .first()
      .getByRole("button", { name: /^Open take/ })
      .tap();
    await expect(app.viewer.locator("video")).toBeVisible();
    await expectNoAxeViolations(page, `touch viewer ${scheme}`);
    await expectNoSidewaysScroll(page, `touch viewer ${scheme}`);
  }
});
