import { expect, test, type Page } from "@playwright/test";
import { SIM_PORT } from "./support/ports";
import { ending, landscape } from "./fixtures/images";
import { Playground } from "./pages/playground";

const SIM = `http://127.0.0.1:${SIM_PORT}`;

async function shareLink(page: Page, app: Playground, prompt: string): Promise<string> {
  const link = await app.shareLink(app.card(prompt));
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v\/[A-Za-z0-9_-]{22}$/);
  return link;
}

test("a share link plays in a fresh browser with no cookies, unfurls, and answers 404 once revoked", async ({ page, browser, request }) => {
  const app = new Playground(page);
  await app.goto();
  const prompt = `A paper boat drifts down a gutter stream share-${Date.now()}`;
  const card = await app.generateOne(prompt, landscape, { seed: "4242" });
  await app.saved(card);
  const link = await shareLink(page, app, prompt);
  const shareId = link.split("/").pop()!;
  const jobId = (await card.getAttribute("data-job-id"))!;
  expect(shareId).not.toBe(jobId);
  const api = (await (await request.get(`/api/jobs/${jobId}`)).json()) as { shareUrl: string };
  expect(api.shareUrl).toBe(link);

  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  expect(await stranger.cookies()).toEqual([]);
  const viewer = await stranger.newPage();
  const response = await viewer.goto(link);
  expect(response?.status()).toBe(200);
  await expect(viewer.getByRole("heading", { name: prompt })).toBeVisible();
  // The model is named once, and the 864×480 video is shown no bigger than it is.
  await expect(viewer.getByText(/Seedance V1 Lite/)).toHaveCount(1);
  expect((await viewer.locator("video").boundingBox())!.width).toBeLessThanOrEqual(864);
  // A stranger is told that remixing needs an account, before being sent to sign in.
  await expect(viewer.getByText("Remixing opens this video’s settings in Keyframe, which needs an account on this server.")).toBeVisible();
  await viewer.getByRole("link", { name: "Sign in to remix" }).click();
  await expect(viewer.getByText(/Remixing opens this video's settings in Keyframe/)).toBeVisible();
  await viewer.goto(link);
  await expect(viewer.getByRole("term").filter({ hasText: "Seed" }).locator("+ dd")).toHaveText("4242");
  const video = viewer.locator("video");
  await expect(video).toHaveAttribute("poster", `/v/${shareId}/poster.jpg`);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.3);
  await expect(viewer.locator('meta[property="og:video"]')).toHaveAttribute("content", `${link}/video.mp4`);
  await expect(viewer.locator('meta[property="og:image"]')).toHaveAttribute("content", `${link}/poster.jpg`);
  await expect(viewer.locator('meta[property="og:title"]')).toHaveAttribute("content", prompt);
  await expect(viewer.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");

  // Range requests on the shared copy.
  const head = await request.get(`/v/${shareId}/video.mp4`, { headers: { Range: "bytes=0-99" } });
  expect(head.status()).toBe(206);
  expect((await head.body()).length).toBe(100);
  expect(head.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await request.get(`/v/${shareId}/video.mp4`, { headers: { Range: "bytes=999999999-" } })).status()).toBe(416);

  await app.more(card, "Revoke link");
  await expect(card.getByRole("button", { name: "Share link" })).toBeVisible();
  const gone = await viewer.goto(link);
  expect(gone?.status()).toBe(404);
  await expect(viewer.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  expect((await request.get(`/v/${shareId}/video.mp4`)).status()).toBe(404);
  for (const bad of ["not-a-share-id", "AAAAAAAAAAAAAAAAAAAAAA"]) {
    const res = await request.get(`/v/${bad}`);
    expect(res.status()).toBe(404);
    expect(await res.text()).toContain("does not exist or is no longer shared");
  }

  // A new link works where the old one does not.
  const fresh = await shareLink(page, app, prompt);
  expect(fresh).not.toBe(link);
  expect((await viewer.goto(fresh))?.status()).toBe(200);
  await stranger.close();
});

test("Remix fills every field and both images; a new seed makes a new take", async ({ page, request }) => {
  const app = new Playground(page);
  await app.goto();
  const prompt = `A lantern sways in the night breeze remix-${Date.now()}`;
  await app.setStartImage(landscape);
  await app.endImage.setInputFiles(ending);
  await app.prompt.fill(prompt);
  await app.duration.fill("3");
  await app.chooseAspectRatio("4:3");
  await app.cameraFixed.check();
  await app.safetyChecker.uncheck();
  await app.seed.fill("777");
  await app.generate.click();
  const card = app.card(prompt);
  await app.saved(card);
  const link = await shareLink(page, app, prompt);

  // From the share page, into a fresh playground.
  await page.goto(link);
  await page.getByRole("link", { name: "Remix" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText(/Filled in from/)).toBeVisible();
  await expect(app.prompt).toHaveValue(prompt);
  await expect(app.duration).toHaveValue("3");
  await expect(app.aspectRatio("4:3")).toBeChecked();
  await expect(app.cameraFixed).toBeChecked();
  await expect(app.safetyChecker).not.toBeChecked();
  await expect(app.seed).toHaveValue("777");
  await expect(page.getByTestId("image-size")).toHaveText("640 × 360 px");
  await expect(page.getByTestId("lastImage-size")).toHaveText("640 × 360 px");
  await expect(app.price).toHaveText("$0.048");

  await app.seed.fill("778");
  await app.generate.click();
  await expect(app.card(prompt)).toHaveCount(2);
  await expect(app.card(prompt).getByText("Seed 778", { exact: true })).toBeVisible();
  await expect
    .poll(async () => {
      const stats = (await (await request.get(`${SIM}/__sim/stats`)).json()) as { received: Record<string, unknown>[] };
      return stats.received
        .filter((r) => r.prompt === prompt)
        .map(({ seed, duration, aspect_ratio, camera_fixed, enable_safety_checker, last_image }) => ({
          seed,
          duration,
          aspect_ratio,
          camera_fixed,
          enable_safety_checker,
          end: typeof last_image === "string" && last_image.startsWith(`${SIM}/media/`),
        }));
    })
    .toEqual([
      { seed: 777, duration: 3, aspect_ratio: "4:3", camera_fixed: true, enable_safety_checker: false, end: true },
      { seed: 778, duration: 3, aspect_ratio: "4:3", camera_fixed: true, enable_safety_checker: false, end: true },
    ]);
});

test("continue from last frame and use as end image take the video's last frame at its size", async ({ page }) => {
  const app = new Playground(page);
  await app.goto();
  const prompt = `A swing moves back and forth chain-${Date.now()}`;
  await app.setStartImage(landscape);
  await app.chooseAspectRatio("16:9");
  const card = await app.generateOne(prompt, landscape);
  await app.saved(card);
  await app.prompt.fill("");
  await page.getByRole("button", { name: "Clear" }).first().click();
  await expect(page.getByTestId("image-size")).toHaveCount(0);

  await app.more(card, "Continue from last frame");
  await expect(page.getByTestId("image-size")).toHaveText("864 × 480 px");
  await expect(page.getByText(/Start image is now the last frame/)).toBeVisible();
  await app.more(card, "Use as end image");
  await expect(page.getByTestId("lastImage-size")).toHaveText("864 × 480 px");
  await app.more(card, /^Reuse seed/);
  const seed = (await card.getByText(/^Seed \d+$/).textContent())!.replace("Seed ", "");
  await expect(app.seed).toHaveValue(seed);
});

test("compare plays two takes in sync and highlights what differs", async ({ page }) => {
  const app = new Playground(page);
  await app.goto();
  const tag = `compare-${Date.now()}`;
  await app.generateOne(`A flag ripples ${tag}`, landscape, { seed: "10", duration: "3" });
  await app.seed.fill("11");
  await app.generate.click();
  const cards = app.card(tag);
  await expect(cards).toHaveCount(2);
  for (const card of await cards.all()) {
    await app.saved(card);
    await card.getByRole("checkbox", { name: `Select for compare: A flag ripples ${tag}`.slice(0, 58) }).check();
  }
  await page.getByRole("link", { name: "Compare 2" }).click();
  await expect(page.getByRole("heading", { name: "Compare 2 takes" })).toBeVisible();
  await expect(page.locator('tr[data-differs="true"]')).toHaveCount(1);
  await expect(page.locator('tr[data-differs="true"] th')).toHaveText("Seed");

  const videos = page.locator("video");
  await expect.poll(() => videos.evaluateAll((vs: HTMLVideoElement[]) => vs.every((v) => v.readyState >= 2))).toBe(true);
  await page.getByRole("button", { name: "Play" }).click();
  await page.waitForTimeout(1200);
  const playing = await videos.evaluateAll((vs: HTMLVideoElement[]) => vs.map((v) => ({ paused: v.paused, t: v.currentTime })));
  expect(playing.every((v) => !v.paused && v.t > 0.3)).toBe(true);
  expect(Math.abs(playing[0]!.t - playing[1]!.t)).toBeLessThan(0.25);

  await page.getByRole("button", { name: "Pause" }).click();
  expect(await videos.evaluateAll((vs: HTMLVideoElement[]) => vs.every((v) => v.paused))).toBe(true);
  await page.getByLabel("Position").fill("1.5");
  await expect
    .poll(() => videos.evaluateAll((vs: HTMLVideoElement[]) => vs.map((v) => Math.round(v.currentTime * 10) / 10)))
    .toEqual([1.5, 1.5]);
});

test("a video whose WaveSpeed URL has expired still plays from Keyframe's copy", async ({ page, request }) => {
  const app = new Playground(page);
  await app.goto();
  const prompt = `Snow falls on a quiet street expire-${Date.now()}`;
  const card = await app.generateOne(prompt, landscape);
  await app.saved(card);
  const stats = (await (await request.get(`${SIM}/__sim/stats`)).json()) as { received: { prompt: string; taskId: string }[] };
  const taskId = stats.received.find((r) => r.prompt === prompt)!.taskId;
  await request.post(`${SIM}/__sim/expire`, { data: { ids: [taskId] } });
  expect((await request.get(`${SIM}/outputs/${taskId}.mp4`)).status()).toBe(404);

  await page.reload();
  await app.open(app.card(prompt));
  const video = app.viewer.locator("video");
  await expect(video).toHaveAttribute("src", /^\/media\/videos\//);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.3);

  const src = (await video.getAttribute("src"))!;
  const ranged = await request.get(src, { headers: { Range: "bytes=0-99" } });
  expect(ranged.status()).toBe(206);
  expect((await ranged.body()).length).toBe(100);
  expect(ranged.headers()["content-type"]).toBe("video/mp4");
  expect(ranged.headers()["cache-control"]).toContain("immutable");
  expect((await request.get(src, { headers: { Range: "bytes=999999999-" } })).status()).toBe(416);
});
