/**
 * Spend caps under concurrency, over real HTTP against a production server: N simultaneous submits
 * against a team cap with room for K. Reports how many started, what WaveSpeed (the simulator) received,
 * the ledger total, and request latency. Needs a build. Usage: npm run bench:caps -- [runs=3]
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { makePng } from "@/lib/test/png";
import { BENCH_ADMIN_ENV, benchCookie } from "./bench-auth";

const runs = Number(process.argv[2] ?? 3);
const APP = 3430;
const SIM = 3431;
const app = `http://127.0.0.1:${APP}`;
const sim = `http://127.0.0.1:${SIM}`;
const PRICE = 0.032; // a 2 s video
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyframe-bench-caps-"));
const server = spawn("node_modules/.bin/next", ["start", "-p", String(APP)], {
  env: {
    ...process.env,
    WAVESPEED_API_KEY: "",
    DATA_DIR: dataDir,
    SIMULATOR_PORT: String(SIM),
    SIMULATOR_DELAY_MS: "1000",
    ...BENCH_ADMIN_ENV,
    NEXT_TELEMETRY_DISABLED: "1",
  },
  stdio: "ignore",
});

async function up() {
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${app}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(100);
  }
  throw new Error("the app did not come up");
}

let cookie = "";
const json = (method: string, url: string, body?: unknown) =>
  fetch(`${app}${url}`, {
    method,
    headers: { cookie, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function submit(i: number) {
  const body = new FormData();
  body.append("image", new Blob([new Uint8Array(makePng(640, 360))]), "start.png");
  const fields = {
    prompt: `cap bench ${i}`,
    duration: "2",
    aspectRatio: "auto",
    cameraFixed: "false",
    seed: "-1",
    enableSafetyChecker: "true",
    variations: "1",
  };
  Object.entries(fields).forEach(([k, v]) => body.append(k, v));
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
    p95: pct(
      results.map((r) => r.ms),
      0.95,
    ),
  };
}

try {
  await up();
  cookie = await benchCookie(app);
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
  server.kill("SIGTERM");
  await sleep(300);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
