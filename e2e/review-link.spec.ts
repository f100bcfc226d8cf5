import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, SCHEMES } from "./support/axe";
import { createJobs, savedJobs } from "./support/jobs";

/** axe on the page as it is, light and dark, at desktop size. */
async function axeBoth(page: Page, label: string) {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    await expectNoAxeViolations(page, `${label} ${scheme}`);
  }
}

test("a reviewer without an account approves a shot and the team sees it; a passphrase asks, an expired link refuses", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const tag = `link-${Date.now()}`;
  const [job] = await createJobs(page.request, `A lighthouse at dusk ${tag}`);
  await savedJobs(page.request, [job!.id]);
  const board = (await (
    await page.request.post("/api/storyboards", { data: { name: `Lighthouse ${tag}`, jobIds: [job!.id] } })
  ).json()) as {
    id: string;
  };
  const link = (await (await page.request.post("/api/review-links", { data: { storyboardId: board.id } })).json()) as {
    id: string;
    url: string;
  };

  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const reviewer = await stranger.newPage();
  expect((await reviewer.goto(link.url))?.status()).toBe(200);
  await reviewer.getByLabel("Your name").fill("Ana");
  const shot = reviewer.getByRole("region", { name: "Shot 1" });
  await shot.getByRole("radio", { name: "Approved" }).check();
  await expect(reviewer.getByRole("status").first()).toHaveText("Shot 1: Approved, sent to the team.");
  await axeBoth(reviewer, "review page");

  // The team sees the decision on the shot, and one unread item on the link.
  await page.goto(`/storyboards/${board.id}`);
  const decisions = page.getByRole("listitem", { name: "Shot 1", exact: true }).getByTestId("decisions");
  await expect(decisions.getByRole("heading")).toHaveText("Decisions: 1 approved · 0 changes requested");
  await expect(decisions.getByRole("listitem")).toHaveText(["Ana: Approved (v1)"]);
  await expect(page.getByTestId("link-unread")).toHaveText("1 new from reviewers");
  await page.getByText("Link 1: controls and use").click();
  await expect(page.getByTestId("link-use")).toContainText("1 view");
  await page.getByLabel("Passphrase (none)").fill("lantern keeper");
  await page.getByRole("button", { name: "Set passphrase" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Passphrase set: reviewers are asked for it.");
  await axeBoth(page, "board with link controls");

  // The reviewer is asked for it; a wrong one is refused on the field, the right one opens the review.
  await reviewer.reload();
  const field = reviewer.getByLabel("Passphrase");
  await expect(reviewer.getByRole("heading", { name: "This review asks for a passphrase" })).toBeVisible();
  await axeBoth(reviewer, "passphrase gate");
  await field.fill("lantern keeperz");
  await reviewer.getByRole("button", { name: "Open the review" }).click();
  await expect(field).toHaveAccessibleDescription("Not the right passphrase.");
  await field.fill("lantern keeper");
  await reviewer.getByRole("button", { name: "Open the review" }).click();
  await expect(reviewer.getByRole("region", { name: "Shot 1" }).getByRole("radio", { name: "Approved" })).toBeChecked();

  // Expired: the same "not found" as a revoked link, page and API alike.
  const soon = new Date(Date.now() + 1000).toISOString();
  expect((await page.request.patch(`/api/review-links/${link.id}`, { data: { expiresAt: soon } })).status()).toBe(200);
  await reviewer.waitForTimeout(1100);
  expect((await reviewer.goto(link.url))?.status()).toBe(404);
  await expect(reviewer.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  await expect(reviewer.getByText(/it may have expired, been turned off or revoked/)).toBeVisible();
  await axeBoth(reviewer, "expired link");
  expect((await stranger.request.get(link.url.replace("/r/", "/api/review/"))).status()).toBe(404);
  await stranger.close();
});
