/**
 * Time from WaveSpeed finishing a job to a playable copy in Keyframe's storage, split into the poll
 * lag (until Keyframe notices) and the copy itself (download, poster, last frame).
 * Needs a build (`npm run build`) and ffmpeg. Usage: npm run bench:copy -- [jobs=5] [durationS=5]
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { makePng } from "@/lib/test/png";
import { BENCH_ADMIN_ENV, benchCookie } from "./bench-auth";

const jobs = Number(process.argv[2] ?? 5);
const duration = Number(process.argv[3] ?? 5);
const APP = 3420;
const SIM = 3421;
const app = `http://127.0.0.1:${APP}`;
const sim = `http://127.0.0.1:${SIM}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyframe-bench-copy-"));
const server = spawn("node_modules/.bin/next", ["start", "-p", String(APP)], {
  env: {
    ...BENCH_ADMIN_ENV,
    ...process.env,
    WAVESPEED_API_KEY: "",
    DATA_DIR: dataDir,
    SIMULATOR_PORT: String(SIM),
    SIMULATOR_DELAY_MS: "4000",
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

async function one(n: number) {
  const prompt = `bench copy ${n} ${Date.now()}`;
  const body = new FormData();
  body.append("image", new Blob([new Uint8Array(makePng(640, 360))]), "start.png");
  const fields = {
    prompt,
    duration: String(duration),
    aspectRatio: "16:9",
    cameraFixed: "false",
    seed: String(n),
    enableSafetyChecker: "true",
    variations: "1",
  };
  Object.entries(fields).forEach(([k, v]) => body.append(k, v));
  const created = (await (await fetch(`${app}/api/jobs`, { method: "POST", body, headers: { cookie } })).json()) as {
    jobs: { id: string }[];
  };
  const id = created.jobs[0]!.id;
  let taskId: string | undefined;
  let upstreamAt = 0;
  let noticedAt = 0;
  for (;;) {
    const now = Date.now();
    if (!taskId) {
      const stats = (await (await fetch(`${sim}/__sim/stats`)).json()) as { received: { prompt: string; taskId: string }[] };
      taskId = stats.received.find((r) => r.prompt === prompt)?.taskId;
    } else if (!upstreamAt) {
      const res = (await (
        await fetch(`${sim}/api/v3/predictions/${taskId}/result`, { headers: { Authorization: "Bearer keyframe-simulator" } })
      ).json()) as { data: { status: string } };
      if (res.data.status === "completed") upstreamAt = now;
    }
    const job = (await (await fetch(`${app}/api/jobs/${id}`, { headers: { cookie } })).json()) as {
      status: string;
      video: { stored: boolean } | null;
    };
    if (job.status === "completed" && !noticedAt) noticedAt = now;
    if (job.video?.stored) {
      const src = `${app}/media/videos/${id}.mp4`;
      const head = await fetch(src, { headers: { Range: "bytes=0-99", cookie } });
      if (head.status !== 206) throw new Error(`copy not playable: ${head.status}`);
      return { lag: noticedAt - upstreamAt, copy: now - noticedAt, total: now - upstreamAt };
    }
    if (job.status === "failed") throw new Error("job failed");
    await sleep(50);
  }
}

let cookie = "";
try {
  await up();
  cookie = await benchCookie(app);
  console.log(`${jobs} jobs of ${duration} s at 16:9, one at a time (default poll bounds 2-10 s; simulated generation 4 s)`);
  console.log("job  upstream done -> Keyframe notices ms  notices -> playable copy ms  total ms");
  const results: Awaited<ReturnType<typeof one>>[] = [];
  for (let i = 0; i < jobs; i++) {
    const r = await one(i);
    results.push(r);
    console.log(`${String(i + 1).padEnd(4)} ${String(r.lag).padEnd(36)} ${String(r.copy).padEnd(28)} ${r.total}`);
  }
  const m = (k: "lag" | "copy" | "total") => median(results.map((r) => r[k]));
  console.log(`median: poll lag ${m("lag")} ms, copy ${m("copy")} ms, upstream done to playable copy ${m("total")} ms`);
} finally {
  server.kill("SIGTERM");
  await sleep(300);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
