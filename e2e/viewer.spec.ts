// backend-free: the viewer's keys and menus in the browser; star, retry and delete are route tests on both databases (app/api/jobs)
import { expect, test } from "@playwright/test";
import { Playground } from "./pages/playground";
import { createJobs, savedJobs } from "./support/jobs";

test("the viewer: open a picture, page with the arrows, Space plays, Escape closes, the URL names the take", async ({ page }) => {
  const tag = `viewer-${Date.now()}`;
  const batch = await createJobs(page.request, `Two kites loop ${tag}`, { variations: "2", seed: "50" });
  const single = await createJobs(page.request, `A lone kite dives ${tag}`);
  await savedJobs(
    page.request,
    [...batch, ...single].map((j) => j.id),
  );
  const app = new Playground(page);
  await app.goto();
  await app.gallery.getByRole("searchbox").fill(tag);
  await expect(app.cards()).toHaveCount(3);
  // The variations of one submission are shown together.
  await expect(app.gallery.getByRole("group", { name: "2 variations" }).getByRole("article")).toHaveCount(2);

  const first = app.card("A lone kite dives");
  await app.open(first);
  await expect(app.viewer).toHaveAccessibleName(`Take: A lone kite dives ${tag}`);
  await expect(page).toHaveURL(new RegExp(`\\?take=${single[0]!.id}$`));
  const video = app.viewer.locator("video");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => !v.paused)).toBe(true);
  await page.keyboard.press("Space");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
  await page.keyboard.press("Space");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(false);
  // A click on the video's own pause button (bottom left) leaves focus with the dialog: Chromium keeps the keys
  // pressed in its native controls, Escape included, to itself.
  const box = (await video.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.click(box.x + 24, box.y + box.height - 48);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
  await expect(app.viewer).toBeFocused();
  await page.keyboard.press("Space");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(false);
  // What the native controls do, by key, since the keyboard does not reach them: sound, seeking, full screen.
  await expect(app.viewer.getByText(/M\s*sound/)).toBeVisible();
  await page.keyboard.press("m");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.muted)).toBe(false);
  await page.keyboard.press("m");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
  await page.keyboard.press("Space");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
  await video.evaluate((v: HTMLVideoElement) => (v.currentTime = 0.5));
  await page.keyboard.press("l");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(1.5, 1);
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBe(0);
  await page.keyboard.press("f");
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName ?? null)).toBe("VIDEO");
  await page.evaluate(() => document.exitFullscreen());
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  await expect(app.viewer).toBeVisible();
  await expect(app.viewer).toBeFocused();
  await page.keyboard.press("Space");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(false);

  await page.keyboard.press("ArrowRight");
  await expect(app.viewer).toHaveAccessibleName(/^Take: Two kites loop/);
  const second = new URL(page.url()).searchParams.get("take")!;
  expect(batch.map((j) => j.id)).toContain(second);
  await page.keyboard.press("ArrowLeft");
  await expect(app.viewer).toHaveAccessibleName(/^Take: A lone kite dives/);
  await page.keyboard.press("ArrowRight");

  // Focus stays inside while open, and never in the video's native controls (Escape would not reach the dialog).
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    expect(await app.viewer.evaluate((d) => d.contains(document.activeElement) && document.activeElement!.tagName !== "VIDEO")).toBe(true);
  }
  await expect(app.viewer.getByRole("button", { name: "Remix" })).toBeVisible();
  await expect(app.viewer.getByRole("link", { name: "Download" })).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(app.viewer).toHaveCount(0);
  await expect(page).not.toHaveURL(/take=/);
  // Focus returns to the picture of the take last shown.
  await expect(page.locator(`[data-job-id="${second}"]`).getByRole("button", { name: /^Open take/ })).toBeFocused();

  // The URL can be reloaded or sent: it opens the same take.
  await page.goto(`/?take=${second}`);
  await expect(app.viewer).toHaveAccessibleName(/^Take: Two kites loop/);
});

test("gallery: size switch remembered, hover preview, a floating More menu, feedback beside the card", async ({ page }) => {
  const tag = `gallery-ui-${Date.now()}`;
  const jobs = await createJobs(page.request, `A heron stands still ${tag}`, { aspectRatio: "1:1" });
  await savedJobs(
    page.request,
    jobs.map((j) => j.id),
  );
  const app = new Playground(page);
  await app.goto();
  // Alone in its row, the card's width follows the size switch alone (not other specs' takes beside it).
  await app.gallery.getByRole("searchbox").fill(tag);
  const card = app.card(tag);
  await expect(card).toHaveCount(1);
  const width = async () => (await card.boundingBox())!.width;
  const medium = await width();
  await app.gallery.getByRole("radio", { name: "L", exact: true }).click();
  await expect.poll(width).toBeGreaterThan(medium);
  await page.reload();
  await expect(app.gallery.getByRole("radio", { name: "L", exact: true })).toBeChecked();
  await app.gallery.getByRole("radio", { name: "M", exact: true }).click();

  // Hover plays a muted preview; no player otherwise.
  await expect(card.locator("video")).toHaveCount(0);
  await card.getByRole("button", { name: /^Open take/ }).hover();
  await expect(card.locator("video[data-preview]")).toHaveJSProperty("muted", true);
  await page.mouse.move(0, 0);
  await expect(card.locator("video")).toHaveCount(0);

  // The menu floats over the page; Escape and an outside click close it.
  const before = await card.boundingBox();
  await card.getByRole("button", { name: "More" }).click();
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  expect(await card.boundingBox()).toEqual(before);
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await card.getByRole("button", { name: "More" }).click();
  await expect(menu).toBeVisible();
  await page.mouse.click(5, 500);
  await expect(menu).toHaveCount(0);

  await card.getByRole("button", { name: "Copy link" }).click();
  await expect(card.getByRole("status")).toHaveText("Link copied.");
  await expect(card.getByRole("checkbox", { name: `Select for compare: A heron stands still` })).toBeVisible();
});

test("keys pressed in Retry's confirm stay there: the viewer behind it neither pages nor plays", async ({ page }) => {
  const tag = `viewer-confirm-${Date.now()}`;
  await createJobs(page.request, `A gull drops [sim:fail] ${tag}`);
  const [newer] = await createJobs(page.request, `A gull climbs [sim:fail] ${tag}`);
  const app = new Playground(page);
  await app.goto();
  await app.gallery.getByRole("searchbox").fill(tag);
  await expect(app.cards()).toHaveCount(2);
  await expect(app.card("A gull climbs").getByTestId("job-status")).toHaveText("Failed", { timeout: 30_000 });
  await app.open(app.card("A gull climbs"));
  await app.viewer.getByRole("button", { name: /^Retry/ }).click();
  const confirm = page.getByRole("dialog", { name: "Try this job again?" });
  await expect(confirm).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(confirm).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`\\?take=${newer!.id}$`));
  await expect(app.viewer).toHaveAccessibleName(/^Take: A gull climbs/);
});

test("the viewer offers what the card does: star, select and compare, add to storyboard, link options, delete with confirm", async ({
  page,
}) => {
  const tag = `viewer-actions-${Date.now()}`;
  const [older] = await createJobs(page.request, `A crane wades ${tag}`);
  const [newer] = await createJobs(page.request, `A crane takes flight ${tag}`);
  await savedJobs(page.request, [older!.id, newer!.id]);
  const app = new Playground(page);
  await app.goto();
  await app.gallery.getByRole("searchbox").fill(tag);
  await expect(app.cards()).toHaveCount(2);
  await app.open(app.card("A crane takes flight"));
  const viewer = app.viewer;
  // A keyboard is likely here: its keys are listed.
  await expect(viewer.getByText(/M\s*sound/)).toBeVisible();

  const star = viewer.getByRole("button", { name: "Star" });
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await (await page.request.get(`/api/jobs/${newer!.id}`)).json()).stars.mine).toBe(true);

  await viewer.getByRole("button", { name: "Select for compare" }).click();
  await expect(viewer.getByRole("button", { name: "Select for compare" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("ArrowRight");
  await expect(viewer).toHaveAccessibleName(/^Take: A crane wades/);
  await viewer.getByRole("button", { name: "Select for compare" }).click();
  await expect(viewer.getByRole("link", { name: "Compare 2" })).toHaveAttribute("href", `/compare?ids=${newer!.id},${older!.id}`);

  await viewer.getByRole("button", { name: "Add to storyboard…" }).click();
  const add = page.getByRole("dialog", { name: "Add to storyboard" });
  await add.getByLabel("Storyboard", { exact: true }).selectOption({ label: "New storyboard…" });
  await add.getByLabel("Name of the new storyboard").fill(`Cranes ${tag}`);
  await add.getByRole("button", { name: "Add" }).click();
  await expect(add.getByRole("status")).toHaveText(`Added to “Cranes ${tag}”.`);
  await add.getByRole("button", { name: "Close" }).click();
  await expect(viewer).toBeVisible();

  await viewer.getByRole("button", { name: "Link options" }).click();
  // The menu's arrows move through its items; they do not page the viewer.
  await page.keyboard.press("ArrowDown");
  await expect(viewer).toHaveAccessibleName(/^Take: A crane wades/);
  await page.getByRole("menuitem", { name: "Link: make team only" }).click();
  await expect(viewer.getByRole("status")).toHaveText("The link now needs a team sign-in.");

  await viewer.getByRole("button", { name: "Delete…" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete this video?" });
  await confirm.getByRole("button", { name: "Delete" }).click();
  // The viewer moves on to the take beside it.
  await expect(viewer).toHaveAccessibleName(/^Take: A crane takes flight/);
  await expect(viewer).toBeFocused();
  expect((await page.request.get(`/api/jobs/${older!.id}`)).status()).toBe(404);
  await page.keyboard.press("Escape");
  await expect(app.cards()).toHaveCount(1);
  await expect(app.card("A crane takes flight").getByTestId("starred-by")).toBeVisible();
});
