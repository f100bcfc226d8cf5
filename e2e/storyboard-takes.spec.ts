import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { StoryboardPage } from "./pages/storyboard";
import { expectNoAxeViolations, scanEverywhere } from "./support/axe";
import { createJobs, savedJobs } from "./support/jobs";

type Board = { id: string; shots: { id: string; pickedJobId: string; takes: { id: string; video: { src: string } | null }[] }[] };

/** A board whose one shot holds these takes (in this order), through the API. */
async function boardOf(request: APIRequestContext, name: string, takes: string[]): Promise<Board> {
  const created = await request.post("/api/storyboards", { data: { name, jobIds: [takes[0]] } });
  expect(created.status()).toBe(201);
  let board = (await created.json()) as Board;
  for (const jobId of takes.slice(1)) {
    const added = await request.post(`/api/storyboards/${board.id}/shots`, { data: { jobId, shotId: board.shots[0]!.id } });
    expect(added.status()).toBe(201);
    board = (await added.json()) as Board;
  }
  return board;
}

/** A shot of three saved takes, seeds 11, 22 and 33, the last with the camera fixed and picked for the film. */
async function threeTakes(request: APIRequestContext, tag: string) {
  const prompt = `A lantern floats up a stairwell ${tag}-${Date.now()}`;
  const made = [
    ...(await createJobs(request, prompt, { seed: "11" })),
    ...(await createJobs(request, prompt, { seed: "22" })),
    ...(await createJobs(request, prompt, { seed: "33", cameraFixed: "true" })),
  ];
  const takes = await savedJobs(
    request,
    made.map((j) => j.id),
  );
  const board = await boardOf(request, `Lantern ${tag} ${Date.now()}`, [takes[0]!.id, takes[1]!.id, takes[2]!.id]);
  const picked = await request.patch(`/api/storyboards/${board.id}/shots/${board.shots[0]!.id}`, { data: { jobId: takes[2]!.id } });
  expect(picked.status()).toBe(200);
  return { board, takes: takes.map((t) => t.id) };
}

test("at 390×844 a shot's three takes wrap inside the shot: no sideways page, and the picked (last) take in full view", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { board, takes } = await threeTakes(page.request, "phone");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/storyboards/${board.id}`);
  const shot = new StoryboardPage(page).shot(1);
  await expect(shot.getByRole("radio")).toHaveCount(3);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `the page is ${width}px wide in a 390px window`).toBeLessThanOrEqual(390);
  const pickedRadio = shot.getByRole("radio", { name: /^Take 3/ });
  await expect(pickedRadio).toBeChecked();
  await pickedRadio.scrollIntoViewIfNeeded();
  const box = (await shot.locator(`[data-job-id="${takes[2]}"]`).boundingBox())!;
  expect(box.x, "the picked take's left edge").toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, "the picked take's right edge").toBeLessThanOrEqual(390);
});

test("a shot's takes say their seed and, highlighted, what else differs; each plays in the viewer without being picked", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { board, takes } = await threeTakes(page.request, "differ");
  await page.goto(`/storyboards/${board.id}`);
  const shot = new StoryboardPage(page).shot(1);
  for (const [n, seed] of [
    [1, 11],
    [2, 22],
    [3, 33],
  ] as const) {
    await expect(shot.getByRole("radio", { name: new RegExp(`^Take ${n} .*Seed ${seed}`) })).toBeVisible();
  }
  await expect(shot.getByText("Highlighted: what differs between the takes.")).toBeVisible();
  await expect(shot.locator(`[data-job-id="${takes[2]}"]`).getByText("Camera: Fixed")).toBeVisible();
  await expect(shot.locator(`[data-job-id="${takes[0]}"]`).getByText("Camera: Moves")).toBeVisible();

  // Take 1 plays in the viewer; the film keeps take 3, and focus comes back to where it was.
  const play = shot.getByRole("button", { name: "Play take 1" });
  await play.click();
  const viewer = page.getByRole("dialog");
  const first = (await (await page.request.get(`/api/jobs/${takes[0]}`)).json()) as { video: { src: string } };
  await expect(viewer.locator("video")).toHaveAttribute("src", first.video.src);
  await page.keyboard.press("Escape");
  await expect(viewer).toBeHidden();
  await expect(play).toBeFocused();
  await expect(shot.getByRole("radio", { name: /^Take 3/ })).toBeChecked();
  const after = (await (await page.request.get(`/api/storyboards/${board.id}`)).json()) as Board;
  expect(after.shots[0]!.pickedJobId).toBe(takes[2]);

  await scanEverywhere(page, `/storyboards/${board.id}`, "storyboard with three takes", async (p) => {
    await expect(p.getByRole("button", { name: "Play take 3" })).toBeVisible();
  });
});

test("reviewers' word appears on an open board as they send it, without a reload; a dialog open meanwhile is left alone", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const made = await createJobs(page.request, `A heron wades at dusk live-${Date.now()}`, { variations: "2" });
  const [a, b] = await savedJobs(
    page.request,
    made.map((j) => j.id),
  );
  const board = await boardOf(page.request, `Live ${Date.now()}`, [a!.id, b!.id]);
  const link = await page.request.post("/api/review-links", { data: { storyboardId: board.id } });
  expect(link.status()).toBe(201);
  const token = ((await link.json()) as { id: string }).id;
  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const say = async (comment: string) => {
    const res = await stranger.request.post(`/api/review/${token}`, {
      data: { reviewerId: "reviewer-0123456789", name: "Dana", shotKey: board.shots[0]!.id, pick: b!.id, comment },
    });
    expect(res.status(), await res.text()).toBe(200);
  };

  await page.goto(`/storyboards/${board.id}`);
  const shot = new StoryboardPage(page).shot(1);
  await expect(shot.getByRole("radio")).toHaveCount(2);
  await say("Take 2 lands softer");
  await expect(shot.getByText("Dana picked take 2: “Take 2 lands softer”")).toBeVisible({ timeout: 15_000 });

  // Typing a new name: the field keeps what is typed, and focus, while the board takes in new feedback.
  const name = page.getByLabel("Storyboard name");
  await name.fill("Heron, second cut");
  await say("Or take 1?");
  await expect(shot.getByText("Dana picked take 2: “Or take 1?”")).toBeVisible({ timeout: 15_000 });
  await expect(name).toHaveValue("Heron, second cut");
  await expect(name).toBeFocused();

  // With a dialog open, the board under it holds still (two poll intervals and more); closed, it catches up.
  await shot.getByRole("button", { name: "New take" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Prompt").fill("A heron takes off");
  await say("Both work");
  await page.waitForTimeout(11_000);
  await expect(dialog.getByLabel("Prompt")).toHaveValue("A heron takes off");
  // (The dialog hides the page from the accessibility tree, so the shot is found by its element here.)
  await expect(page.locator("li[data-shot-id]").getByText("Dana picked take 2: “Or take 1?”")).toBeAttached();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(shot.getByText("Dana picked take 2: “Both work”")).toBeVisible({ timeout: 15_000 });
  await stranger.close();
});

/** A board of one shot holding one new saved take, opened. */
async function boardOfOne(page: Page, prompt: string, fields: Record<string, string> = {}) {
  const made = await createJobs(page.request, `${prompt} ${Date.now()}`, fields);
  const [take] = await savedJobs(
    page.request,
    made.map((j) => j.id),
  );
  const board = await boardOf(page.request, `${prompt} ${Date.now()}`, [take!.id]);
  await page.goto(`/storyboards/${board.id}`);
  return { board, take: take!, shot: new StoryboardPage(page).shot(1) };
}

test("a take starred in the board's viewer stays starred there, as the server has it, with the viewer still open", async ({ page }) => {
  test.setTimeout(90_000);
  const { take, shot } = await boardOfOne(page, "A moth circles a lamp");
  await shot.getByRole("button", { name: "Play take 1" }).click();
  const star = page.getByRole("dialog").getByRole("button", { name: "Star", exact: true });
  await expect(star).toHaveAttribute("aria-pressed", "false");
  // Every state the button shows from the press on.
  await star.evaluate((button) => {
    const seen: string[] = [];
    Object.assign(window, { starStates: seen });
    new MutationObserver(() => seen.push(button.getAttribute("aria-pressed") ?? "")).observe(button, { attributeFilter: ["aria-pressed"] });
  });
  const put = page.waitForResponse((r) => r.url().endsWith(`/api/jobs/${take.id}/star`) && r.request().method() === "PUT");
  await star.click();
  expect((await put).ok()).toBe(true);
  await expect
    .poll(async () => ((await (await page.request.get(`/api/jobs/${take.id}`)).json()) as { stars: { mine: boolean } }).stars.mine)
    .toBe(true);
  // Past the board's own fetch after the change (and a poll interval): still pressed, never back in between.
  await page.waitForTimeout(2_000);
  await expect(star).toHaveAttribute("aria-pressed", "true");
  expect(await page.evaluate(() => (window as unknown as { starStates: string[] }).starStates)).toEqual(["true"]);
});

test("New take with the take's own seed asks Already generated on the board: Open it shows that take, Pay again makes another", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { board, take, shot } = await boardOfOne(page, "A kettle starts to steam", { seed: "5150" });
  const ask = async () => {
    await shot.getByRole("button", { name: "New take" }).click();
    const dialog = page.getByRole("dialog", { name: "New take of shot 1" });
    await dialog.getByLabel("Seed").fill("5150");
    await dialog.getByRole("button", { name: /^Generate · \$/ }).click();
    const already = page.getByRole("dialog", { name: "Already generated" });
    await expect(already).toContainText("The same images, prompt, settings and seed were generated on");
    await expect(already).toContainText("Open it, or pay $0.032 again?");
    return { dialog, already };
  };
  let { dialog, already } = await ask();
  await expectNoAxeViolations(page, "Already generated on a storyboard");
  await already.getByRole("link", { name: "Open it" }).click();
  await expect(already).toBeHidden();
  await expect(dialog).toBeHidden();
  const earlier = (await (await page.request.get(`/api/jobs/${take.id}`)).json()) as { video: { src: string } };
  await expect(page.getByRole("dialog").locator("video")).toHaveAttribute("src", earlier.video.src);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();

  ({ dialog, already } = await ask());
  await already.getByRole("button", { name: "Pay $0.032 again" }).click();
  await expect(dialog).toBeHidden();
  await expect(new StoryboardPage(page).status).toHaveText("A new take of shot 1 is being generated.");
  await expect(shot.getByRole("radio")).toHaveCount(2);
  const after = (await (await page.request.get(`/api/storyboards/${board.id}`)).json()) as Board;
  expect(after.shots[0]!.takes).toHaveLength(2);
});
