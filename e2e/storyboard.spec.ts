import { expect, test } from "@playwright/test";
import { Playground } from "./pages/playground";
import { StoryboardPage } from "./pages/storyboard";
import { scanEverywhere } from "./support/axe";
import { ffprobe } from "./support/ffprobe";
import { createJobs, savedJobs } from "./support/jobs";

type Board = { shots: { pickedJobId: string; takes: { id: string; video: { src: string } | null }[] }[] };

test("a three-shot storyboard from last frames: reordered by keyboard and drag, watched, exported; the film is as long as its picks and its link plays with no cookies", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const tag = `board-${Date.now()}`;
  const [desk, street, park] = ["A paper plane leaves a desk", "The plane glides over a street", "The plane lands in a park"].map(
    (p) => `${p} ${tag}`,
  );
  const [first] = await createJobs(page.request, desk!, { aspectRatio: "16:9" });
  await savedJobs(page.request, [first!.id]);

  // A storyboard is named on the list page; the take joins it from its card in the gallery.
  await page.goto("/storyboards");
  await page.getByLabel("New storyboard").fill(`Paper plane ${tag}`);
  await page.getByRole("button", { name: "Create storyboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Paper plane ${tag}` })).toBeVisible();
  const boardUrl = page.url();
  const app = new Playground(page);
  await app.goto();
  await app.more(app.card(desk!), "Add to storyboard…");
  const dialog = page.getByRole("dialog", { name: "Add to storyboard" });
  // The board's name sits isolated in its option (FSI … PDI): its direction cannot turn the shot count around.
  await dialog.getByLabel("Storyboard", { exact: true }).selectOption({ label: `\u2068Paper plane ${tag}\u2069 (0 shots)` });
  await dialog.getByRole("button", { name: "Add" }).click();
  await dialog.getByRole("link", { name: "Open storyboard" }).click();
  await expect(page).toHaveURL(boardUrl);

  const board = new StoryboardPage(page);
  await board.continueFrom(1, street!);
  await board.continueFrom(2, park!);
  await expect(board.shots).toHaveCount(3);
  expect(await board.prompts()).toEqual([desk, street, park]);

  // Keyboard: Alt+↓ in shot 1 moves it down, and focus stays with it; Alt+↑ moves it back.
  await board.shot(1).getByRole("button", { name: "Move down" }).focus();
  await page.keyboard.press("Alt+ArrowDown");
  await expect.poll(() => board.prompts()).toEqual([street, desk, park]);
  await expect(board.status).toHaveText("Shot moved to position 2 of 3.");
  await expect(board.shot(2).getByRole("button", { name: "Move down" })).toBeFocused();
  await page.keyboard.press("Alt+ArrowUp");
  await expect.poll(() => board.prompts()).toEqual([desk, street, park]);
  // Drag: shot 3 by its handle onto shot 1. The order is kept on the server.
  await board.shot(3).locator("[data-drag-handle]").dragTo(board.shot(1));
  await expect.poll(() => board.prompts()).toEqual([park, desk, street]);
  await page.reload();
  await expect.poll(() => board.prompts()).toEqual([park, desk, street]);

  // Watch: the picked takes back to back in one player.
  for (const n of [1, 2, 3])
    await expect(board.shot(n).getByRole("button", { name: "Continue from last frame" })).toBeEnabled({ timeout: 45_000 });
  await page.getByRole("button", { name: "Play film from the start" }).click();
  await expect(page.getByTestId("film-position")).toHaveText("Shot 2 of 3", { timeout: 15_000 });

  await page.getByRole("button", { name: "Export MP4" }).click();
  await expect(page.getByRole("progressbar", { name: "Export progress" })).toBeVisible();
  await expect(board.status).toHaveText(/^The film is ready: \d+\.\d s\.$/, { timeout: 60_000 });
  const film = board.films.first();
  const download = await page.request.get((await film.getByRole("link", { name: "Download" }).getAttribute("href"))!);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="paper-plane-board-\d+-film\.mp4"/);
  const probed = ffprobe(await download.body());
  const view = (await (await page.request.get(`/api/storyboards/${boardUrl.split("/").pop()}`)).json()) as Board;
  let sum = 0;
  for (const shot of view.shots) {
    const take = shot.takes.find((t) => t.id === shot.pickedJobId)!;
    sum += ffprobe(await (await page.request.get(take.video!.src)).body()).duration;
  }
  expect(Math.abs(probed.duration - sum), `film ${probed.duration} s, takes ${sum} s`).toBeLessThan(0.2);
  expect([probed.width, probed.height]).toEqual([864, 480]);

  // The film's own link, in a browser with no cookies at all.
  const shareUrl = await film.getByLabel("Film share link").inputValue();
  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewer = await stranger.newPage();
  expect((await viewer.goto(shareUrl))?.status()).toBe(200);
  await expect(viewer.getByRole("heading", { name: `Paper plane ${tag}` })).toBeVisible();
  const video = viewer.locator("video");
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.5);
  await stranger.close();

  await scanEverywhere(page, boardUrl, "storyboard", async (p) => {
    await expect(p.locator("li[data-shot-id]")).toHaveCount(3);
    await expect(p.getByRole("list", { name: "Exported films" }).getByRole("listitem")).toHaveCount(1);
  });
  await scanEverywhere(page, "/storyboards", "storyboards", async (p) => {
    await expect(p.getByRole("link", { name: `Paper plane ${tag}` })).toBeVisible();
  });
});
