import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoSidewaysScroll } from "./support/axe";
import { createJobs, savedJobs } from "./support/jobs";

const SHOTS = "/work/notes/shots";
const desktop = { width: 1400, height: 1000 };
const phone = { width: 390, height: 844 };

/** Draws an arrow across the middle of the picture with the mouse. */
async function drawArrow(page: Page, overlay: Locator) {
  const box = (await overlay.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.7);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.5, { steps: 4 });
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.35, { steps: 4 });
  await page.mouse.up();
}

/** axe in one colour scheme: each size gets light on one page and dark on the other (the same player on both). */
async function scan(page: Page, name: string, scheme: "light" | "dark") {
  await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
  // Two frames for the new scheme's colours to settle everywhere (axe at once saw some of the old ones).
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expectNoAxeViolations(page, `${name} ${scheme}`);
}

test("a reviewer without an account comments at 2.0 s with a drawing; the team sees the marker and the drawing at both sizes", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const tag = `picture-${Date.now()}`;
  const [job] = await savedJobs(
    page.request,
    (await createJobs(page.request, `A kite over the dunes ${tag}`, { duration: "5" })).map((j) => j.id),
  );
  const link = (await (await page.request.post("/api/review-links", { data: { jobIds: [job!.id] } })).json()) as { url: string };

  const stranger = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: desktop });
  const reviewer = await stranger.newPage();
  await reviewer.goto(link.url);
  await reviewer.getByLabel("Your name").fill("Dana");
  const player = reviewer.getByRole("group", { name: /^Comments on the picture of/ });
  await expect(player.getByText("/ 0:05.")).toBeVisible();
  const time = player.getByLabel("Time (s)");
  await time.fill("2");
  await time.press("Enter");
  await expect(time).toHaveValue("2.00");
  await player.getByRole("button", { name: "Draw on the frame" }).click();
  await expect(player.getByRole("radio", { name: "Arrow" })).toBeChecked();
  await player.getByRole("radio", { name: "Amber" }).check();
  await drawArrow(reviewer, player.getByTestId("drawing-overlay"));
  const composer = player.getByLabel(/^Comment at 0:02\.00, with a drawing \(1 shape\)/);
  await composer.fill("Lift the kite here");
  await player.getByRole("button", { name: "Comment", exact: true }).click();
  const thread = player.getByTestId("comment-thread");
  for (const text of ["0:02.00", "Dana", "drawing", "Lift the kite here"]) await expect(thread).toContainText(text);
  // Back on its frame, the drawing shows; a frame later it does not.
  await player.getByRole("button", { name: "Forward one frame" }).click();
  await expect(player.getByTestId("drawing-overlay")).toHaveAttribute("data-shapes", "0");
  await player.getByRole("button", { name: /^0:02\.00, Dana: Lift the kite here/ }).click();
  await expect(time).toHaveValue("2.00");
  await expect(player.getByTestId("drawing-overlay")).toHaveAttribute("data-shapes", "1");
  await player.screenshot({ path: `${SHOTS}/i23-reviewer-desktop.png` });
  await scan(reviewer, "review picture desktop", "light");
  await reviewer.setViewportSize(phone);
  await expectNoSidewaysScroll(reviewer, "review picture phone");
  await player.screenshot({ path: `${SHOTS}/i23-reviewer-phone.png` });
  await scan(reviewer, "review picture phone", "dark");
  await stranger.close();

  // The team, in the take viewer: the marker at 2.0 s, and its drawing on that frame.
  await page.goto(`/?take=${job!.id}`);
  await page.getByRole("dialog").getByRole("button", { name: "Comments" }).click();
  const team = page.getByRole("group", { name: /^Comments on the picture of/ });
  const marker = team.getByRole("button", { name: /^0:02\.00, Dana: Lift the kite here/ });
  const overlay = team.getByTestId("drawing-overlay");
  for (const [size, name] of [
    [desktop, "desktop"],
    [phone, "phone"],
  ] as const) {
    await page.setViewportSize(size);
    await expect(marker).toHaveAttribute("data-at-ms", "2000");
    await marker.click();
    await expect(team.getByLabel("Time (s)")).toHaveValue("2.00");
    await expect(overlay).toHaveAttribute("data-shapes", "1");
    await expect(overlay.locator("polyline, line")).toHaveCount(2);
    await expect(overlay.locator("line")).toHaveAttribute("stroke", "#f59e0b");
    await team.screenshot({ path: `${SHOTS}/i23-team-${name}.png` });
    await scan(page, `take viewer comments ${name}`, name === "desktop" ? "dark" : "light");
    // A frame on, the drawing is gone: by key on the desktop (→ steps a frame here, not to the viewer's next take), by button on the phone.
    if (name === "desktop") await marker.press("ArrowRight");
    else await team.getByRole("button", { name: "Forward one frame" }).click();
    await expect(team.getByLabel("Time (s)")).toHaveValue("2.04");
    await expect(overlay).toHaveAttribute("data-shapes", "0");
    await expect(page).toHaveURL(new RegExp(`\\?take=${job!.id}$`));
  }
  // The team resolves it; the marker says so.
  await page.getByRole("dialog").getByRole("button", { name: "Resolve" }).click();
  await expect(page.getByRole("button", { name: /^Resolved: 0:02\.00, Dana/ })).toBeVisible();
});
