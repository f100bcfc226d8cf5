/**
 * The gallery with thousands of jobs: seeds N completed jobs (default 5000) straight into a fresh
 * database, then in Debian Chromium measures the first render and the frame rate while scrolling
 * (which loads page after page through infinite scroll).
 * Needs a build (`npm run build`) and ffmpeg. Usage: npm run bench:gallery -- [jobs=5000] [runs=3]
 */
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import { chromium } from "@playwright/test";
import { makePng } from "@/lib/test/png";
import { chromiumLaunchOptions } from "../e2e/chromium";
import { BENCH_ADMIN, median, sleep, startBenchApp } from "./bench-kit";

const count = Number(process.argv[2] ?? 5000);
const runs = Number(process.argv[3] ?? 3);
const SCROLL_MS = 10_000;
const png = makePng(640, 360);
const input = `${createHash("sha256").update(png).digest("hex")}.png`;

/** One real video, poster and start image, shared by every seeded job. */
function prepareMedia(dataDir: string) {
  for (const kind of ["inputs", "videos", "posters", "frames"]) fs.mkdirSync(path.join(dataDir, "media", kind), { recursive: true });
  const video = path.join(dataDir, "media", "videos", "benchbenchbenchbench.mp4");
  const ffmpeg = (args: string[]) => spawnSync("ffmpeg", ["-y", "-loglevel", "error", ...args]);
  ffmpeg(["-f", "lavfi", "-i", "testsrc=size=864x480:rate=24:duration=3", "-pix_fmt", "yuv420p", video]);
  ffmpeg(["-i", video, "-frames:v", "1", path.join(dataDir, "media", "posters", "benchbenchbenchbench.jpg")]);
  fs.writeFileSync(path.join(dataDir, "media", "inputs", input), png);
}

const { app, dataDir, cookie, stop } = await startBenchApp({ port: 3410, prepare: prepareMedia });

const WORDS = ["A fox", "A dancer", "Rain", "A kite", "The tide", "A lantern", "Smoke", "A cyclist", "Leaves", "A train"];
const ACTIONS = ["turns slowly", "drifts past the camera", "spins in the wind", "rises over the hills", "glows at dusk"];

async function seed() {
  const db = createClient({ url: `file:${path.join(dataDir, "keyframe.db")}` });
  const now = Date.now();
  const statements = Array.from({ length: count }, (_, i) => {
    const id = randomBytes(16).toString("base64url");
    return {
      sql: `insert into jobs (id, batch_id, variation, created_at, updated_at, status, prompt, image_file, image_width, image_height,
              duration, aspect_ratio, camera_fixed, seed, safety_checker, price_micros, outputs, nsfw, submitted_at, finished_at,
              share_id, copy_status, video_file, poster_file, video_width, video_height, copied_at)
            values (?, ?, 0, ?, ?, 'completed', ?, ?, 640, 360, ?, '16:9', ?, ?, 1, ?, ?, '[false]', ?, ?, ?, 'done',
              'benchbenchbenchbench.mp4', 'benchbenchbenchbench.jpg', 864, 480, ?)`,
      args: [
        id,
        id,
        now - i * 1000,
        now,
        `${WORDS[i % WORDS.length]} ${ACTIONS[i % ACTIONS.length]}, take ${i}.`,
        input,
        2 + (i % 11),
        i % 2,
        i,
        16000 * (2 + (i % 11)),
        JSON.stringify([`${app}/gone/${i}.mp4`]),
        now - i * 1000,
        now - i * 1000 + 30_000,
        randomBytes(16).toString("base64url"),
        now,
      ],
    };
  });
  await db.batch(statements, "write");
  db.close();
}

const SCROLL = (selector: string) => `new Promise((done) => {
  const frames = [];
  let last = performance.now();
  const end = last + ${SCROLL_MS};
  requestAnimationFrame(function step(t) {
    frames.push(t - last);
    last = t;
    window.scrollBy(0, 120);
    if (t < end) requestAnimationFrame(step);
    else done({ frames, inDom: document.querySelectorAll("${selector}").length });
  });
})`;

function frameStats(all: number[]) {
  const frames = all.slice(1);
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    fps: frames.length / (frames.reduce((a, b) => a + b, 0) / 1000),
    p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? NaN,
    longFrames: frames.filter((f) => f > 50).length,
  };
}

/** The same scroll over a static page of plain boxes: what this machine's headless Chromium manages at best. */
async function baselineFps(): Promise<number> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.setContent(
    `<div style="display:grid;grid-template-columns:1fr 1fr;gap:16px">${'<div class="box" style="height:440px;background:#ddd;border-radius:12px"></div>'.repeat(3000)}</div>`,
  );
  const scroll = (await page.evaluate(SCROLL(".box"))) as { frames: number[] };
  await browser.close();
  return frameStats(scroll.frames).fps;
}

type Run = { firstCardMs: number; fcpMs: number; fps: number; p95FrameMs: number; longFrames: number; loaded: number; inDom: number };

async function measure(): Promise<Run> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.addInitScript(() => {
    const w = window as unknown as { __firstCard?: number };
    new MutationObserver((_, observer) => {
      if (document.querySelector("article[data-job-id]")) {
        w.__firstCard = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.request.post(`${app}/api/session`, { data: BENCH_ADMIN });
  await page.goto(app, { waitUntil: "load" });
  await page.locator("article[data-job-id]").first().waitFor();
  const firstCardMs = await page.evaluate(() => (window as unknown as { __firstCard: number }).__firstCard);
  const fcpMs = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);
  await sleep(500);
  // A string, not a function: tsx's name helpers do not exist in the page.
  const scroll = (await page.evaluate(SCROLL("article[data-job-id]"))) as { frames: number[]; inDom: number };
  const lastTake = (await page.evaluate(
    `Math.max(0, ...[...document.querySelectorAll("article")].map((a) => Number(/take (\\d+)\\./.exec(a.textContent)?.[1] ?? 0)))`,
  )) as number;
  await browser.close();
  return {
    firstCardMs,
    fcpMs,
    ...frameStats(scroll.frames),
    loaded: lastTake + 1,
    inDom: scroll.inDom,
  };
}

try {
  await seed();
  const total = ((await (await fetch(`${app}/api/jobs?limit=1`, { headers: { cookie } })).json()) as { jobs: unknown[] }).jobs.length;
  if (!total) throw new Error("seeding failed");
  console.log(`${count} completed jobs seeded; ${runs} runs; scrolling ${SCROLL_MS / 1000} s at 120 px per frame`);
  console.log("run  first card ms  FCP ms  scroll fps  p95 frame ms  frames >50 ms  jobs scrolled past  cards in DOM");
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await measure();
    results.push(r);
    console.log(
      `${String(i + 1).padEnd(4)} ${r.firstCardMs.toFixed(0).padEnd(14)} ${r.fcpMs.toFixed(0).padEnd(7)} ${r.fps.toFixed(1).padEnd(11)} ${r.p95FrameMs.toFixed(1).padEnd(13)} ${String(r.longFrames).padEnd(14)} ${String(r.loaded).padEnd(19)} ${r.inDom}`,
    );
  }
  const pick = (k: keyof Run) => median(results.map((r) => r[k]));
  const baseline = median(await Promise.all([baselineFps()]).then(async (first) => [...first, await baselineFps(), await baselineFps()]));
  console.log(`baseline: a static page of plain boxes scrolls at ${baseline.toFixed(1)} fps here (median of 3)`);
  console.log(
    `median: first card ${pick("firstCardMs").toFixed(0)} ms, FCP ${pick("fcpMs").toFixed(0)} ms, ${pick("fps").toFixed(1)} fps (${((pick("fps") / baseline) * 100).toFixed(0)}% of baseline), p95 frame ${pick("p95FrameMs").toFixed(1)} ms, ${pick("longFrames")} frames over 50 ms, ${pick("inDom")} cards in the DOM after scrolling past ${pick("loaded")} jobs`,
  );
} finally {
  await stop();
}
