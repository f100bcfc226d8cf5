import { expect, test, type Locator } from "@playwright/test";
import { SIM_PORT } from "./support/ports";
import { ending, landscape } from "./fixtures/images";
import { Playground } from "./pages/playground";
import { createJobs } from "./support/jobs";

type Received = {
  prompt: string;
  duration: number;
  aspect_ratio?: string;
  camera_fixed: boolean;
  seed: number;
  enable_safety_checker: boolean;
  image: string;
  last_image?: string;
};

test("generate with every control set, watch it process, play it, reload", async ({ page, request }) => {
  const app = new Playground(page);
  await app.goto();
  await expect(page.getByRole("note")).toContainText("Simulator mode");
  await expect(app.generate).toBeDisabled();

  await app.setStartImage(landscape);
  await expect(page.getByTestId("image-size")).toHaveText("640 × 360 px");
  await app.endImage.setInputFiles(ending);
  await expect(page.getByTestId("lastImage-size")).toHaveText("640 × 360 px");

  await page.getByRole("button", { name: "Runner" }).click();
  const tag = `e2e-${Date.now()}`;
  const prompt = `A runner sprints past the camera, dust kicks up, camera pans to follow. ${tag}`;
  await app.prompt.fill(prompt);
  await expect(page.getByText(`${prompt.length} / 2000`)).toBeVisible();

  await expect(app.price).toHaveText("$0.08");
  await app.duration.fill("7");
  await expect(app.price).toHaveText("$0.112");
  await app.duration.fill("12");
  await app.variations.selectOption("2");
  await expect(app.price).toHaveText("$0.384");
  await app.duration.fill("3");
  await expect(app.price).toHaveText("$0.096");

  await page.getByRole("button", { name: "Use 16:9 (nearest to your image)" }).click();
  await expect(app.aspectRatio("16:9")).toBeChecked();
  await app.cameraFixed.check();
  await app.safetyChecker.uncheck();
  await app.seed.fill("1234");
  await expect(page.getByTestId("seed-plan")).toHaveText("Seeds 1234, 1235: one per video.");

  await expect(app.generate).toBeEnabled();
  await app.generate.click();
  await expect(page.getByText("Started 2 jobs.")).toBeVisible();

  const cards = app.card(tag);
  await expect(cards).toHaveCount(2);
  // In flight: the card counts the time since WaveSpeed accepted it.
  await expect(cards.first().getByTestId("job-status")).toHaveText(/(Submitted · waiting|Processing ·) \d:\d\d/);
  await expect(cards.getByText("Seed 1234", { exact: true })).toBeVisible();
  await expect(cards.getByText("Seed 1235", { exact: true })).toBeVisible();
  await expect(cards.first().getByText("$0.048")).toBeVisible();

  for (const card of await cards.all()) {
    // Keyframe's own copy: a poster image on the card, no player until the take is opened or previewed.
    await app.saved(card);
    await expect(card.locator("video")).toHaveCount(0);
    await app.open(card);
    const video = app.viewer.locator("video");
    await expect(video).toHaveAttribute("src", /^\/media\/videos\//);
    await expect(video).toHaveAttribute("controls", "");
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.2);
    const duration = await video.evaluate((v: HTMLVideoElement) => v.duration);
    expect(Math.abs(duration - 3)).toBeLessThanOrEqual(0.5);
    await page.keyboard.press("Escape");
    await expect(app.viewer).toHaveCount(0);
  }

  // What WaveSpeed (the simulator) received: every control, in its own field names.
  const stats = (await (await request.get(`http://127.0.0.1:${SIM_PORT}/__sim/stats`)).json()) as { received: Received[] };
  const sent = stats.received.filter((r) => r.prompt === prompt);
  expect(sent.map((r) => r.seed).sort()).toEqual([1234, 1235]);
  for (const body of sent) {
    expect(body).toMatchObject({ duration: 3, aspect_ratio: "16:9", camera_fixed: true, enable_safety_checker: false });
    // Stored images go by upload: the submit names them by the addresses WaveSpeed (the simulator) gave.
    expect(body.image).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${SIM_PORT}/media/[0-9a-f]{32}/`));
    expect(body.last_image).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${SIM_PORT}/media/[0-9a-f]{32}/`));
  }

  await page.reload();
  await expect(cards).toHaveCount(2);
  await expect(cards.first().getByTestId("job-status")).toHaveText(/Completed in/);
  await app.open(cards.first());
  const again = app.viewer.locator("video");
  await expect.poll(() => again.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
});

test("a failed task shows WaveSpeed's error; a flagged one is blurred until revealed", async ({ page }) => {
  const app = new Playground(page);
  await app.goto();
  await app.setStartImage(landscape);
  await app.duration.fill("2");
  const tag = `e2e-faults-${Date.now()}`;

  await app.prompt.fill(`A dancer spins [sim:fail] ${tag}`);
  await app.generate.click();
  const failed = app.card(`[sim:fail] ${tag}`);
  await expect(failed.getByTestId("job-status")).toHaveText("Failed", { timeout: 30_000 });
  await expect(failed.getByRole("alert")).toContainText("Task failed");

  await app.prompt.fill(`A dancer spins [sim:nsfw] ${tag}`);
  await app.generate.click();
  const flagged = app.card(`[sim:nsfw] ${tag}`);
  const reveal = flagged.getByRole("button", { name: /Click to reveal/ });
  await expect(reveal).toBeVisible({ timeout: 30_000 });
  await expect(flagged.locator("img[data-poster]")).toHaveClass(/blur/);
  await reveal.click();
  await expect(flagged.locator("img[data-poster]")).not.toHaveClass(/blur/);
  await app.open(flagged);
  await expect(app.viewer.locator("video")).toHaveAttribute("controls", "");
});

test("Remix of a random-seed take, then Generate unchanged, asks before paying again; Open it is the way on", async ({ page }) => {
  const prompt = `A paper boat rounds a puddle remix-${Date.now()}`;
  const [made] = await createJobs(page.request, prompt, { seed: "-1" });
  const app = new Playground(page);
  await app.goto();
  await app.gallery.getByRole("searchbox").fill(prompt);
  const card = app.card(prompt);
  await expect(card).toHaveCount(1);
  await app.more(card, "Remix");
  // Remix fills in the seed the take ran with.
  await expect(app.seed).toHaveValue(String(made!.params.seed));
  await expect(app.prompt).toHaveValue(prompt);
  await expect(app.generate).toBeEnabled();

  await app.generate.click();
  const dialog = page.getByRole("dialog", { name: "Already generated" });
  await expect(dialog).toContainText("Open it, or pay $0.032 again?");
  // The filled button is the one that costs nothing; Pay again is plain, the dialog's own colour.
  const fill = (control: Locator) => control.evaluate((el) => getComputedStyle(el).backgroundColor);
  const plain = await fill(dialog);
  expect(await fill(dialog.getByRole("button", { name: "Pay $0.032 again" }))).toBe(plain);
  expect(await fill(dialog.getByRole("link", { name: "Open it" }))).not.toBe(plain);
  await dialog.getByRole("link", { name: "Open it" }).click();
  await expect(app.viewer).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`\\?take=${made!.id}$`));
  await page.keyboard.press("Escape");
  await expect(card).toHaveCount(1);
});
