import { expect, test, type APIRequestContext } from "@playwright/test";
import { StoryboardPage } from "./pages/storyboard";
import { signIn } from "./support/auth";
import { expectNoSidewaysScroll, scanEverywhere } from "./support/axe";
import { createJobs, savedJobs } from "./support/jobs";

type Board = { id: string; shots: { id: string }[]; films: { id: string; status: string }[] };

async function exportFilm(request: APIRequestContext, boardId: string): Promise<void> {
  const queued = (await (await request.post(`/api/storyboards/${boardId}/export`)).json()) as { id: string };
  await expect
    .poll(
      async () =>
        ((await (await request.get(`/api/storyboards/${boardId}`)).json()) as Board).films.find((f) => f.id === queued.id)?.status,
      { timeout: 45_000 },
    )
    .toBe("done");
}

test("every film of a board is listed and says whether it matches the board; it plays in the app, and each link can be revoked and each film deleted", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const tag = `films-${Date.now()}`;
  const [a, b] = await createJobs(page.request, `A paper lantern rises ${tag}`, { aspectRatio: "16:9", variations: "2" });
  await savedJobs(page.request, [a!.id, b!.id]);
  const created = (await (
    await page.request.post("/api/storyboards", { data: { name: `Lantern ${tag}`, jobIds: [a!.id] } })
  ).json()) as Board;
  await page.request.post(`/api/storyboards/${created.id}/shots`, { data: { jobId: b!.id, shotId: created.shots[0]!.id } });
  for (let i = 0; i < 6; i++) await exportFilm(page.request, created.id);

  await page.goto(`/storyboards/${created.id}`);
  const board = new StoryboardPage(page);
  await expect(board.films).toHaveCount(3);
  await expect(board.films.getByText("Matches the board")).toHaveCount(3);
  // Older films are one click away, with their live links counted.
  await page.getByRole("button", { name: "Show 3 older films (3 with a live link)" }).click();
  await expect(board.films).toHaveCount(6);

  // Another pick for shot 1: every film says it is out of date, and why.
  await board.shot(1).getByRole("radio").nth(1).click();
  await expect(board.status).toHaveText("Take picked for shot 1.");
  await expect(board.shot(1).getByRole("radio").nth(1)).toBeChecked();
  await expect(board.films.getByText("Out of date", { exact: true })).toHaveCount(6);
  await expect(board.films.first()).toContainText("Shot 1 has another pick now. Export again for a film of the board as it is now.");
  await page.getByRole("button", { name: "Export MP4" }).click();
  await expect(board.status).toHaveText(/^The film is ready: \d+\.\d s\.$/, { timeout: 60_000 });
  await expect(board.films).toHaveCount(7);
  await expect(board.films.first().getByText("Matches the board")).toBeVisible();
  await expect(board.films.getByText("Out of date", { exact: true })).toHaveCount(6);
  await page.getByRole("region", { name: /^Film/ }).screenshot({ path: test.info().outputPath("films-desktop.png") });

  // Watch plays the film here, in a dialog, not as a raw MP4 in a new tab.
  await board.films.first().getByRole("button", { name: "Watch" }).click();
  const player = page.getByRole("dialog", { name: /^Film: 1 shot · \d+\.\d s · 864×480$/ });
  await expect(player).toContainText("This film matches the board's picks.");
  const video = player.locator("video");
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.5);
  expect(page.context().pages()).toHaveLength(1);
  await player.getByRole("button", { name: "Close" }).click();
  await expect(player).toBeHidden();

  // The oldest film (before, off the list of five and out of reach) has its link revoked from the list.
  const oldest = board.films.last();
  const link = await oldest.getByLabel("Film share link").inputValue();
  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  expect((await stranger.request.get(`${link}/video.mp4`, { headers: { range: "bytes=0-99" } })).status()).toBe(206);
  await oldest.getByRole("button", { name: "Revoke film link" }).click();
  await expect(board.status).toHaveText("Film link revoked.");
  expect((await stranger.request.get(`${link}/video.mp4`)).status()).toBe(404);

  // Deleting a film takes its file and its link.
  const second = board.films.nth(1);
  const id = (await second.getAttribute("data-film-id"))!;
  const secondLink = await second.getByLabel("Film share link").inputValue();
  await second.getByRole("button", { name: "Delete…" }).click();
  await page.getByRole("dialog", { name: "Delete this film?" }).getByRole("button", { name: "Delete film" }).click();
  await expect(board.status).toHaveText("Film deleted; its link no longer works.");
  await expect(board.films).toHaveCount(6);
  await expect(page.locator(`[data-film-id="${id}"]`)).toHaveCount(0);
  expect((await page.request.get(`/media/films/${id}.mp4`)).status()).toBe(404);
  expect((await stranger.request.get(`${secondLink}/video.mp4`)).status()).toBe(404);
  await stranger.close();

  await scanEverywhere(page, `/storyboards/${created.id}`, "films", async (p) => {
    await expect(p.getByRole("list", { name: "Exported films" }).getByRole("listitem")).toHaveCount(3);
    await p.getByRole("button", { name: "Show 3 older films (2 with a live link)" }).click();
    await expect(p.getByRole("list", { name: "Exported films" }).getByRole("listitem")).toHaveCount(6);
    await expect(p.getByText("Out of date", { exact: true })).toHaveCount(5);
  });
  // On a phone every film's buttons wrap inside its card.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/storyboards/${created.id}`);
  await page.getByRole("button", { name: /^Show 3 older films/ }).click();
  await expectNoSidewaysScroll(page, "films phone");
  for (const film of await board.films.all()) {
    const [item, buttons] = await Promise.all([film.boundingBox(), film.getByRole("button").last().boundingBox()]);
    expect(buttons!.x + buttons!.width).toBeLessThanOrEqual(item!.x + item!.width);
  }
  await page.getByRole("button", { name: "Watch" }).first().click();
  const phonePlayer = page.getByRole("dialog", { name: /^Film: / });
  const box = (await phonePlayer.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath("films-phone.png"), fullPage: true });
});

test("a film's Revoke, New link and Delete show only to whoever exported it, its board's maker or an admin", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const tag = `film-rights-${Date.now()}`;
  const member = { email: `${tag}@studio.test`, password: "a member's password 1" };
  expect((await page.request.post("/api/admin/members", { data: { name: "Ada", ...member, role: "member" } })).status()).toBe(201);
  const [take] = await createJobs(page.request, `A kite over dunes ${tag}`, { aspectRatio: "16:9" });
  await savedJobs(page.request, [take!.id]);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await signIn(context.request, baseURL!, member);
  const newBoard = async (request: APIRequestContext, name: string) =>
    ((await (await request.post(`${baseURL}/api/storyboards`, { data: { name, jobIds: [take!.id] } })).json()) as Board).id;
  // The admin's board and film; the member's board, with a film the admin exported from it.
  const adminsBoard = await newBoard(page.request, `Admin's ${tag}`);
  const membersBoard = await newBoard(context.request, `Ada's ${tag}`);
  await exportFilm(page.request, adminsBoard);
  await exportFilm(page.request, membersBoard);

  const ada = await context.newPage();
  const films = new StoryboardPage(ada).films;
  const only = ["Revoke film link", "New film link", "Delete…"];
  await ada.goto(`${baseURL}/storyboards/${adminsBoard}`);
  await expect(films).toHaveCount(1);
  // Before, everyone saw Revoke (then got 403).
  await expect(films.getByRole("button", { name: "Copy film link" })).toBeVisible();
  await expect(films.getByRole("link", { name: "Download" })).toBeVisible();
  for (const name of only) await expect(films.getByRole("button", { name })).toHaveCount(0);

  await ada.goto(`${baseURL}/storyboards/${membersBoard}`);
  await films.getByRole("button", { name: "Revoke film link" }).click();
  await expect(new StoryboardPage(ada).status).toHaveText("Film link revoked.");
  await expect(films.getByRole("button", { name: "New film link" })).toBeVisible();
  await expect(films.getByRole("button", { name: "Delete…" })).toBeVisible();
  await context.close();
});
