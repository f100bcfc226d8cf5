/**
 * What a reviewer sees: a fresh server, a three-shot storyboard (the first shot with two takes), a review
 * link opened with no account, a favourite picked and a comment written. Needs a build.
 * `npm run screenshot:review -- [out=public/review.png] [scheme=light]`.
 */
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/chromium";
import { startApp } from "./bench/kit";
import { api, continuedBoard } from "./film-kit";

const [out = "public/review.png", scheme = "light"] = process.argv.slice(2);

const app = await startApp({ dir: ".", label: "this checkout" }, Number(process.env.SCREENSHOT_PORT ?? 5390), {
  SIMULATOR_DELAY_MS: "1000",
});
try {
  const board = await continuedBoard(
    app,
    "Lighthouse at dusk",
    [
      "A lighthouse beam sweeps through rolling fog at dusk, slow push-in",
      "The beam passes over a fishing boat rocking on dark water",
      "Morning light breaks through the fog, gulls lift off the rocks",
    ],
    3,
    2,
  );
  const link = await api<{ url: string }>(app, "/api/review-links", "POST", { storyboardId: board.id });
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 }, colorScheme: scheme === "dark" ? "dark" : "light" });
  await page.goto(link.url.replace(/^https?:\/\/[^/]+/, app.url));
  await page.getByLabel("Your name").fill("Dana (client)");
  const shot = page.getByRole("region", { name: "Shot 1" });
  await shot.getByRole("radio", { name: /^Take 2/ }).check();
  await shot.getByLabel("Comment (optional)").fill("Take 2: the beam lands on the boat right on the cut. Keep it!");
  await page.getByRole("button", { name: "Send review" }).click();
  await page
    .getByRole("status")
    .getByText(/^Sent\./)
    .waitFor();
  await page.waitForLoadState("networkidle");
  // The whole page in one viewport, so the Send bar sits at its foot as a reader scrolled there sees it.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height });
  await page.screenshot({ path: out, fullPage: true });
  await browser.close();
  console.log(`wrote ${out}`);
} finally {
  await app.stop();
}
