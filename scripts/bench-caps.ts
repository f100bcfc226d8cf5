/**
 * Spend caps under concurrency, over real HTTP against a production server: N simultaneous submits
 * against a team cap with room for K. Reports how many started, what WaveSpeed (the simulator) received,
 * the ledger total, and request latency. Needs a build. Usage: npm run bench:caps -- [runs=3]
 */
import { jobForm } from "@/lib/test/job-form";
import { liveEnv, median, percentile, sleep, startApp, startSim } from "./bench/kit";

const runs = Number(process.argv[2] ?? 3);
const PRICE = 0.032; // a 2 s video
const simulator = await startSim(3435, { SIM_DELAY_MS: "1000" });
const running = await startApp({ dir: ".", label: "this checkout" }, 3430, liveEnv(simulator));
const { url: app, cookie } = running;
const sim = simulator.url;
const stop = async () => {
  await running.stop();
  await simulator.stop();
};

const json = (method: string, url: string, body?: unknown) =>
  fetch(`${app}${url}`, {
    method,
    headers: { cookie, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function submit(i: number) {
  const body = jobForm({ prompt: `cap bench ${i}` });
  const started = performance.now();
  const res = await fetch(`${app}/api/jobs`, { method: "POST", body, headers: { cookie } });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started };
}

async function run(n: number, room: number) {
  const spendBefore = ((await (await json("GET", "/api/spend")).json()) as { spend: { team: { today: number } } }).spend.team.today;
  const settings = await (await json("GET", "/api/admin/settings")).json();
  const cap = Math.round((spendBefore / 1e6 + room * PRICE) * 1000) / 1000;
  await json("PUT", "/api/admin/settings", { ...settings, teamDailyCapUsd: cap, submitsPerMinute: 600 });
  await fetch(`${sim}/__sim/reset`, { method: "POST" });
  const results = await Promise.all(Array.from({ length: n }, (_, i) => submit(i)));
  for (let i = 0; i < 100; i++) {
    const stats = (await (await fetch(`${sim}/__sim/stats`)).json()) as { submitRequests: number };
    if (stats.submitRequests >= room) break;
    await sleep(100);
  }
  await sleep(1500);
  const stats = (await (await fetch(`${sim}/__sim/stats`)).json()) as { submitRequests: number };
  const spendAfter = ((await (await json("GET", "/api/spend")).json()) as { spend: { team: { today: number } } }).spend.team.today;
  return {
    started: results.filter((r) => r.status === 201).length,
    refused: results.filter((r) => r.status === 403).length,
    other: results.filter((r) => r.status !== 201 && r.status !== 403).length,
    upstream: stats.submitRequests,
    ledgerUsd: (spendAfter - spendBefore) / 1e6,
    p50: median(results.map((r) => r.ms)),
    p95: percentile(
      results.map((r) => r.ms),
      0.95,
    ),
  };
}

try {
  console.log("submits  room  run  started  refused(403)  other  upstream submits  ledger USD  latency p50/p95 ms");
  for (const [n, room] of [
    [20, 3],
    [100, 10],
  ] as const) {
    for (let i = 0; i < runs; i++) {
      const r = await run(n, room);
      console.log(
        `${String(n).padEnd(8)} ${String(room).padEnd(5)} ${String(i + 1).padEnd(4)} ${String(r.started).padEnd(8)} ${String(r.refused).padEnd(13)} ${String(r.other).padEnd(6)} ${String(r.upstream).padEnd(17)} ${r.ledgerUsd.toFixed(3).padEnd(11)} ${r.p50.toFixed(0)}/${r.p95.toFixed(0)}`,
      );
    }
  }
} finally {
  await stop();
}
