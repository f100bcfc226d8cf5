/**
 * Upstream result GETs per job with 1 and with N browsers watching the gallery.
 * Needs a build (`npm run build`). Usage: npm run bench:polls -- [runs=3] [delayMs=30000]
 * Uses the app's default poll bounds (POLL_MIN_MS=2000, POLL_MAX_MS=10000) unless set in the environment.
 */
import { chromium, type Browser } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/chromium";
import { BENCH_ADMIN, benchJobForm, median, sleep, startBenchApp } from "./bench-kit";

const runs = Number(process.argv[2] ?? 3);
const delayMs = Number(process.argv[3] ?? 30_000);
const { app, sim, cookie, stop } = await startBenchApp({ port: 3400, env: { SIMULATOR_DELAY_MS: String(delayMs) } });

async function oneRun(browser: Browser, watchers: number) {
  await fetch(`${sim}/__sim/reset`, { method: "POST" });
  const body = benchJobForm({ prompt: "bench" });
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

try {
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
  await stop();
}
