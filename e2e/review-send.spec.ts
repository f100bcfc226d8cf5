import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, SCHEMES, SIZES } from "./support/axe";
import { createJobs, savedJobs } from "./support/jobs";

type Board = { id: string; shots: { id: string; feedback: { name: string; pickedJobId: string | null; comment: string }[] }[] };

/** A two-shot board (the first with two takes) and a review link to it. */
async function reviewLink(page: Page, tag: string) {
  const ids = (await createJobs(page.request, `A lantern drifts up ${tag}`, { variations: "3" })).map((j) => j.id);
  const [a, b, c] = (await savedJobs(page.request, ids)).map((j) => j.id) as [string, string, string];
  const board = (await (
    await page.request.post("/api/storyboards", { data: { name: `Lanterns ${tag}`, jobIds: [a, c] } })
  ).json()) as Board;
  await page.request.post(`/api/storyboards/${board.id}/shots`, { data: { jobId: b, shotId: board.shots[0]!.id } });
  const link = (await (await page.request.post("/api/review-links", { data: { storyboardId: board.id } })).json()) as { url: string };
  return { board, url: link.url, a, b };
}

for (const size of SIZES) {
  test(`${size.name}: a reviewer without a name is told beside the field, keeps every pick, and sends all shots with one Send`, async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const { board, url, a, b } = await reviewLink(page, `send-${size.name}-${Date.now()}`);
    const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: size });
    const reviewer = await stranger.newPage();
    await reviewer.goto(url);
    const name = reviewer.getByLabel("Your name");
    const send = reviewer.getByRole("button", { name: "Send review" });
    const one = reviewer.getByRole("region", { name: "Shot 1" });
    const two = reviewer.getByRole("region", { name: "Shot 2" });
    // One Send for the whole review, in reach wherever the reviewer is on the page.
    await expect(send).toBeInViewport();
    await expect(reviewer.getByRole("button", { name: /^Send for/ })).toHaveCount(0);

    await one.getByRole("radio", { name: /^Take 2/ }).check();
    await two.getByLabel("Comment (optional)").fill("Hold the last frame a beat longer");
    await expect(one.getByTestId("shot-state")).toHaveText("Not sent yet");
    await expect(two.getByTestId("shot-state")).toHaveText("Not sent yet");
    await expect(reviewer.getByTestId("unsent-count")).toHaveText("2 shots not sent yet.");
    await two.getByLabel("Comment (optional)").scrollIntoViewIfNeeded();
    await expect(send).toBeInViewport();
    await send.click();

    // The name field says what is missing, right under it, and has the focus.
    await expect(name).toBeFocused();
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(name).toHaveAccessibleDescription("Your name is empty. Shown to the team beside your picks and comments.");
    const error = reviewer.getByText("Your name is empty.");
    const [field, shown] = [await name.boundingBox(), await error.boundingBox()];
    expect(shown!.y - (field!.y + field!.height)).toBeLessThan(24);
    expect(Math.abs(shown!.x - field!.x)).toBeLessThan(24);
    await expect(reviewer.getByRole("status")).toHaveText("Not sent: add your name above, then send. What you chose is kept.");
    for (const scheme of SCHEMES) {
      await reviewer.emulateMedia({ colorScheme: scheme });
      // Colours change with a transition: check them once it has run.
      await reviewer.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
      await expectNoAxeViolations(reviewer, `review without a name ${size.name} ${scheme}`);
    }
    await reviewer.emulateMedia({ colorScheme: "light" });

    // Nothing was lost, not even by a reload.
    await reviewer.reload();
    await expect(one.getByRole("radio", { name: /^Take 2/ })).toBeChecked();
    await expect(two.getByLabel("Comment (optional)")).toHaveValue("Hold the last frame a beat longer");
    await expect(reviewer.getByTestId("unsent-count")).toHaveText("2 shots not sent yet.");

    // Enter in the name field sends it all, once.
    const posts: string[] = [];
    reviewer.on("request", (r) => (r.method() === "POST" ? posts.push(r.url()) : undefined));
    await name.fill("Noor");
    await name.press("Enter");
    await expect(reviewer.getByRole("status")).toHaveText("Sent. The team sees your picks and comments; change anything and send again.");
    await expect(one.getByTestId("shot-state")).toHaveText("Sent");
    await expect(two.getByTestId("shot-state")).toHaveText("Sent");
    await expect(reviewer.getByTestId("unsent-count")).toHaveText("");
    expect(posts).toHaveLength(1);
    const team = (await (await page.request.get(`/api/storyboards/${board.id}`)).json()) as Board;
    expect(team.shots.map((s) => s.feedback.map((f) => [f.name, f.pickedJobId, f.comment]))).toEqual([
      [["Noor", b, null]],
      [["Noor", null, "Hold the last frame a beat longer"]],
    ]);

    // The team sees the name and comment isolated: no name's direction can turn the rest of the line around.
    await page.setViewportSize(size);
    await page.goto(`/storyboards/${board.id}`);
    const said = page.getByRole("listitem", { name: "Shot 2", exact: true }).getByRole("listitem");
    await expect(said).toHaveText("Noor: “Hold the last frame a beat longer”");
    await expect(said.locator("bdi")).toHaveText(["Noor", "Hold the last frame a beat longer"]);
    await expect(said.locator("bdi").first()).toHaveCSS("unicode-bidi", "isolate");

    // Taking words back: an emptied comment does not hold up the other shot, and Clear withdraws a pick.
    const sent = () => reviewer.waitForResponse((r) => r.url().includes("/api/review/") && r.request().method() === "POST");
    const teamWord = async () =>
      ((await (await page.request.get(`/api/storyboards/${board.id}`)).json()) as Board).shots.map((s) =>
        s.feedback.map((f) => [f.name, f.pickedJobId, f.comment]),
      );
    await one.getByRole("radio", { name: /^Take 1/ }).check();
    await two.getByLabel("Comment (optional)").fill("");
    await expect(reviewer.getByTestId("unsent-count")).toHaveText("2 shots not sent yet.");
    let answer = sent();
    await send.click();
    expect((await answer).status()).toBe(200);
    await expect(reviewer.getByTestId("unsent-count")).toHaveText("");
    await expect(two.getByTestId("shot-state")).toHaveCount(0);
    expect(await teamWord()).toEqual([[["Noor", a, null]], []]);
    await one.getByRole("button", { name: "Clear pick and comment" }).click();
    await expect(one.getByRole("radio", { name: /^Take 1/ })).not.toBeChecked();
    answer = sent();
    await send.click();
    expect((await answer).status()).toBe(200);
    await expect(one.getByTestId("shot-state")).toHaveCount(0);
    expect(await teamWord()).toEqual([[], []]);
    await stranger.close();
  });
}
