/**
 * Scrolling 5,000 finished jobs (600 different posters, so the browser decodes as it goes) for 10 s: the
 * main thread's busy time, against the same scroll over two static pages, runs interleaved: plain boxes
 * (what scrolling costs with nothing to load), and the same pictures as plain lazy `<img>`s in a grid (what
 * loading and painting them costs with no app at all). The posters are seeded with their thumbnails, as
 * Keyframe's copy stores them; the static page shows the thumbnails, which is what the gallery's cards load.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import sharp from "sharp";
import { chromiumLaunchOptions } from "../../e2e/chromium";
import { THUMB_MAX } from "../../lib/storage/keys";
import { ADMIN, liveEnv, startApp, startSim, type Target } from "./kit";
import { seedSqlite, type Media } from "./seed";

const JOBS = 5000;
const POSTERS = 600;
const SCROLL_MS = 10_000;

async function prepareMedia(dataDir: string): Promise<Media> {
  const dir = (kind: string) => fs.mkdirSync(path.join(dataDir, "media", kind), { recursive: true });
  ["inputs", "videos", "posters", "thumbs"].forEach(dir);
  const posters: string[] = [];
  for (let i = 0; i < POSTERS; i++) {
    const name = `poster${String(i).padStart(12, "0")}.jpg`;
    const hue = (i * 37) % 360;
    await sharp({ create: { width: 864, height: 480, channels: 3, background: `hsl(${hue}, 60%, 50%)` } })
      .composite([
        { input: Buffer.from(`<svg width="864" height="480"><text x="40" y="260" font-size="120" fill="white">${i}</text></svg>`) },
      ])
      .jpeg({ quality: 80 })
      .toFile(path.join(dataDir, "media", "posters", name));
    await sharp(path.join(dataDir, "media", "posters", name))
      .resize(THUMB_MAX, THUMB_MAX, { fit: "inside" })
      .jpeg({ quality: 80, mozjpeg: true })
      .toFile(path.join(dataDir, "media", "thumbs", name));
    posters.push(name);
  }
  const input = `${"0".repeat(64)}.png`;
  await sharp({ create: { width: 640, height: 360, channels: 3, background: "#888" } })
    .png()
    .toFile(path.join(dataDir, "media", "inputs", input));
  return { input, video: "benchbenchbenchbench.mp4", posters };
}

const SCROLL = `new Promise((done) => {
  const end = performance.now() + ${SCROLL_MS};
  requestAnimationFrame(function step(t) {
    window.scrollBy(0, 120);
    if (t < end) requestAnimationFrame(step);
    else done(true);
  });
})`;

/** Main-thread busy ms while `page` scrolls for SCROLL_MS (Chromium's own TaskDuration). */
async function busyWhileScrolling(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const task = async () => ((await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000;
  const before = await task();
  await page.evaluate(SCROLL);
  return (await task()) - before;
}

/** Serves a static grid of the seeded posters' thumbnails (and the thumbnails), as a gallery with no app would be. */
async function staticPosters(dataDir: string, posters: string[]): Promise<{ url: string; close(): void }> {
  const cards = Array.from(
    { length: JOBS },
    (_, i) => `<img src="/p/${posters[i % posters.length]}" loading="lazy" decoding="async" width="320" height="178" alt="">`,
  ).join("");
  const page = `<!doctype html><body style="margin:0"><div style="display:grid;grid-template-columns:repeat(4,320px);gap:16px">${cards}</div>`;
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith("/p/")) {
      res.writeHead(200, { "content-type": "image/jpeg" });
      fs.createReadStream(path.join(dataDir, "media", "thumbs", path.basename(req.url))).pipe(res);
    } else res.writeHead(200, { "content-type": "text/html" }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, close: () => server.close() };
}

export async function scroll(
  target: Target,
  port: number,
  runs: number,
): Promise<{ gallery: number[]; baseline: number[]; posters: number[] }> {
  const sim = await startSim(port + 5);
  let media: Media | undefined;
  const app = await startApp(target, port, liveEnv(sim), async (dataDir) => {
    media = await prepareMedia(dataDir);
  });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    await seedSqlite(app.dataDir, JOBS, media!);
    const still = await staticPosters(app.dataDir, media!.posters);
    const gallery: number[] = [];
    const baseline: number[] = [];
    const posters: number[] = [];
    for (let i = 0; i < runs; i++) {
      const a = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await a.setContent(
        `<div style="display:grid;grid-template-columns:repeat(4,1fr);gap:16px">${'<div style="height:220px;background:#ddd;border-radius:12px"></div>'.repeat(JOBS)}</div>`,
      );
      baseline.push(await busyWhileScrolling(a));
      await a.close();
      const c = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await c.goto(still.url, { waitUntil: "load" });
      await c.waitForTimeout(500);
      posters.push(await busyWhileScrolling(c));
      await c.close();
      const b = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await b.request.post(`${app.url}/api/session`, { data: ADMIN });
      await b.goto(app.url, { waitUntil: "load" });
      await b.locator("article[data-job-id]").first().waitFor();
      await b.waitForTimeout(500);
      gallery.push(await busyWhileScrolling(b));
      await b.close();
    }
    still.close();
    return { gallery, baseline, posters };
  } finally {
    await browser.close();
    await app.stop();
    await sim.stop();
  }
}
