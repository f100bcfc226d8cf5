/**
 * The README screenshot: a fresh server with a dozen takes of different shapes (one batch of three),
 * the gallery at 1400x1000. `npm run screenshot -- [out=public/screenshot.png] [scheme=dark]`.
 * Needs a build.
 */
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/chromium";
import { jobForm } from "@/lib/test/job-form";
import { makePng } from "@/lib/test/png";
import { sleep, startApp } from "./bench/kit";

const [out = "public/screenshot.png", scheme = "dark"] = process.argv.slice(2);

const TAKES: { prompt: string; aspectRatio: string; tint: [number, number, number]; variations?: string; size?: [number, number] }[] = [
  { prompt: "A lighthouse beam sweeps through rolling fog at dusk, slow push-in", aspectRatio: "16:9", tint: [40, 90, 160] },
  {
    prompt: "A dancer spins and stops on beat, stage lights flicker, slow orbit",
    aspectRatio: "9:16",
    tint: [160, 40, 120],
    size: [480, 860],
  },
  { prompt: "Paper boats drift down a rain gutter, camera follows at water level", aspectRatio: "4:3", tint: [30, 140, 120] },
  { prompt: "A skateboarder lands a kickflip in a sunny park, low wide angle", aspectRatio: "16:9", tint: [200, 120, 30], variations: "3" },
  { prompt: "Steam rises from a bowl of ramen, macro, shallow depth of field", aspectRatio: "1:1", tint: [180, 60, 40], size: [600, 600] },
  { prompt: "A desert highway at night, headlights streak past, time-lapse", aspectRatio: "21:9", tint: [60, 40, 140] },
  { prompt: "A cat watches snow fall through a frosted window, camera fixed", aspectRatio: "3:4", tint: [90, 110, 140], size: [480, 640] },
  { prompt: "Waves crash on black volcanic rocks, drone rises slowly", aspectRatio: "16:9", tint: [20, 120, 170] },
];

const app = await startApp({ dir: ".", label: "this checkout" }, Number(process.env.SCREENSHOT_PORT ?? 5380), {
  SIMULATOR_DELAY_MS: "1500",
});
try {
  for (const take of TAKES) {
    const [width, height] = take.size ?? [640, 360];
    const body = jobForm(
      { prompt: take.prompt, aspectRatio: take.aspectRatio, variations: take.variations ?? "1", duration: "3" },
      { width, height, tint: take.tint },
    );
    const res = await fetch(`${app.url}/api/jobs`, { method: "POST", body, headers: { cookie: app.cookie, origin: app.url } });
    if (!res.ok) throw new Error(`submit: ${res.status} ${await res.text()}`);
  }
  for (let i = 0; i < 120; i++) {
    const page = (await (await fetch(`${app.url}/api/jobs?limit=50`, { headers: { cookie: app.cookie } })).json()) as {
      activeCount: number;
      savingCount: number;
    };
    if (page.activeCount === 0 && page.savingCount === 0) break;
    await sleep(500);
  }
  const browser = await chromium.launch(chromiumLaunchOptions);
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, colorScheme: scheme === "light" ? "light" : "dark" });
  const [name, value] = app.cookie.split(";")[0]!.split("=") as [string, string];
  await context.addCookies([{ name, value, url: app.url }]);
  const page = await context.newPage();
  await page.goto(app.url);
  await page.locator("article[data-job-id] img[data-poster]").first().waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll("img[data-poster]")].every((i) => (i as HTMLImageElement).complete));
  await page.locator('form[data-hydrated="true"]').waitFor();
  await page
    .getByLabel("Start image", { exact: true })
    .setInputFiles({ name: "street.png", mimeType: "image/png", buffer: makePng(864, 480, [30, 60, 150]) });
  await page.getByLabel("Prompt", { exact: true }).fill("A slow push-in on a neon-lit street, rain on the lens");
  await page.locator("article[data-job-id]").nth(1).hover();
  await sleep(800);
  await page.screenshot({ path: out });
  await browser.close();
  console.log(`wrote ${out}`);
} finally {
  await app.stop();
}
