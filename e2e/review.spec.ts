import { expect, test } from "@playwright/test";
import { Playground } from "./pages/playground";
import { scanEverywhere } from "./support/axe";
import { createJobs, savedJobs } from "./support/jobs";

test("a review link with no cookies: a pick and a comment made there reach the team's board and card; stars; revoked, it is 404", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const tag = `review-${Date.now()}`;
  const jobs = await createJobs(page.request, `A heron lands on a post ${tag}`, { variations: "2" });
  const [a, b] = (
    await savedJobs(
      page.request,
      jobs.map((j) => j.id),
    )
  ).map((j) => j.id);
  const created = await page.request.post("/api/storyboards", { data: { name: `Heron ${tag}`, jobIds: [a] } });
  const board = (await created.json()) as { id: string; shots: { id: string }[] };
  await page.request.post(`/api/storyboards/${board.id}/shots`, { data: { jobId: b, shotId: board.shots[0]!.id } });
  await page.goto(`/storyboards/${board.id}`);
  await page.getByRole("button", { name: "New review link" }).click();
  const link = page.getByLabel("Review link", { exact: true });
  await expect(link).toHaveValue(/\/r\/[A-Za-z0-9_-]{22}$/);
  const url = await link.inputValue();

  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const reviewer = await stranger.newPage();
  expect((await reviewer.goto(url))?.status()).toBe(200);
  await expect(reviewer.getByRole("heading", { level: 1, name: `Heron ${tag}` })).toBeVisible();
  await reviewer.getByLabel("Your name").fill("Dana");
  const shot = reviewer.getByRole("region", { name: "Shot 1" });
  await shot.getByRole("radio", { name: /^Take 2/ }).check();
  const comment = shot.getByLabel("Comment (optional)");
  await comment.fill("<b>Take 2</b> lands softer");
  await reviewer.getByRole("button", { name: "Send review" }).click();
  await expect(comment).toHaveAccessibleDescription(/^The comment is plain text/);
  await expect(comment).toBeFocused();
  await comment.fill("Take 2 lands softer <3");
  await reviewer.getByRole("button", { name: "Send review" }).click();
  await expect(reviewer.getByRole("status")).toHaveText(/^Sent\./);
  await expect(shot.getByTestId("shot-state")).toHaveText("Sent");
  // Back later in the same browser, their pick and comment are still theirs.
  await reviewer.reload();
  await expect(shot.getByRole("radio", { name: /^Take 2/ })).toBeChecked();
  await expect(comment).toHaveValue("Take 2 lands softer <3");
  await scanEverywhere(reviewer, url, "review", async (p) => {
    await expect(p.getByRole("region", { name: "Shot 1" }).getByRole("radio", { name: /^Take 2/ })).toBeChecked();
  });

  // The team sees it on the storyboard and on the take's card, where members star takes for themselves.
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.reload();
  await expect(
    page.getByRole("listitem", { name: "Shot 1", exact: true }).getByText("Dana picked take 2: “Take 2 lands softer <3”"),
  ).toBeVisible();
  const app = new Playground(page);
  await app.goto();
  const card = page.locator(`article[data-job-id="${b}"]`);
  await expect(card.getByTestId("review-marks")).toHaveText("♥ 1 reviewer pick · Dana: “Take 2 lands softer <3”");
  await card.getByRole("button", { name: "Star" }).click();
  await expect(card.getByRole("button", { name: "Star" })).toHaveAttribute("aria-pressed", "true");
  await expect(card.getByTestId("starred-by")).toHaveText("★ You");
  await page.getByLabel("Stars").selectOption("Starred by me");
  await expect(card).toBeVisible();
  await expect(page.locator(`article[data-job-id="${a}"]`)).toHaveCount(0);

  await page.goto(`/storyboards/${board.id}`);
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("status").first()).toHaveText(/Review link revoked/);
  expect((await reviewer.goto(url))?.status()).toBe(404);
  await expect(reviewer.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  expect((await stranger.request.get(`${url.replace("/r/", "/api/review/")}`)).status()).toBe(404);
  await stranger.close();
});
