/**
 * Upstream result GETs per job with 1 and with N browsers watching the gallery.
 * Needs a build (`npm run build`). Usage: npm run bench:polls -- [runs=3] [delayMs=30000]
 * Uses the app's default poll bounds (POLL_MIN_MS=2000, POLL_MAX_MS=10000) unless set in the environment.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { makePng } from "@/lib/test/png";
import { chromiumLaunchOptions } from "../e2e/chromium";
import { BENCH_ADMIN, BENCH_ADMIN_ENV, benchCookie } from "./bench-auth";

const runs = Number(process.argv[2] ?? 3);
const delayMs = Number(process.argv[3] ?? 30_000);
const APP = 3400;
const SIM = 3401;
const app = `http://127.0.0.1:${APP}`;
const sim = `http://127.0.0.1:${SIM}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(url: string) {
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

async function oneRun(browser: Browser, watchers: number) {
  await fetch(`${sim}/__sim/reset`, { method: "POST" });
  const body = new FormData();
  body.append("image", new Blob([new Uint8Array(makePng(640, 360))]), "start.png");
  Object.entries({
    prompt: "bench",
    duration: "2",
    aspectRatio: "auto",
    cameraFixed: "false",
    seed: "-1",
    enableSafetyChecker: "true",
    variations: "1",
  }).forEach(([k, v]) => body.append(k, v));
  const created = (await (await fetch(`${app}/api/jobs`, { method: "POST", body, headers: { cookie } })).json()) as {
    jobs: { id: string }[];
  };
  const id = created.jobs[0]!.id;
  const started = Date.now();
  // The watchers open the gallery while the job runs, as teammates would.
  const contexts = await Promise.all(Array.from({ length: watchers }, () => browser.newContext()));
  let appPolls = 0;
  for (const context of contexts) {
    await context.request.post(`${app}/api/session`, { data: BENCH_ADMIN });
    const page = await context.newPage();
    page.on("request", (r) => {
      if (r.url().includes("/api/jobs")) appPolls += 1;
    });
    await page.goto(app);
  }

  for (;;) {
    const job = (await (await fetch(`${app}/api/jobs/${id}`, { headers: { cookie } })).json()) as { status: string };
    if (job.status === "completed" || job.status === "failed") break;
    await sleep(250);
  }
  const seenAt = Date.now() - started;
  await sleep(3000); // let the browsers notice and stop polling
  const stats = (await (await fetch(`${sim}/__sim/stats`)).json()) as { resultGets: Record<string, number> };
  await Promise.all(contexts.map((c) => c.close()));
  return { upstreamGets: Object.values(stats.resultGets).reduce((a, b) => a + b, 0), appPolls, seenAt };
}

let cookie = "";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyframe-bench-"));
const server = spawn("node_modules/.bin/next", ["start", "-p", String(APP)], {
  env: {
    ...BENCH_ADMIN_ENV,
    ...process.env,
    WAVESPEED_API_KEY: "",
    DATA_DIR: dataDir,
    SIMULATOR_PORT: String(SIM),
    SIMULATOR_DELAY_MS: String(delayMs),
    NEXT_TELEMETRY_DISABLED: "1",
  },
  stdio: "ignore",
});
try {
  await waitFor(`${app}/api/health`);
  cookie = await benchCookie(app);
  const browser = await chromium.launch(chromiumLaunchOptions);
  console.log(
    `job length ${delayMs} ms, ${runs} runs each\nbrowsers  upstream result GETs/job (runs; median)  browser GETs of /api/jobs (median)  submit-to-completed-in-Keyframe ms (median)`,
  );
  for (const watchers of [1, 5]) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await oneRun(browser, watchers));
    const gets = results.map((r) => r.upstreamGets);
    console.log(
      `${String(watchers).padEnd(9)} ${`${gets.join(", ")}; ${median(gets)}`.padEnd(40)} ${String(median(results.map((r) => r.appPolls))).padEnd(36)} ${median(results.map((r) => r.seenAt))}`,
    );
  }
  await browser.close();
} finally {
  server.kill("SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
}
