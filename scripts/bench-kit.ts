/** What the benchmark scripts share: a production server on a fresh DATA_DIR, signed in, and statistics. */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { jobForm } from "@/lib/test/job-form";

export const BENCH_ADMIN = { email: "bench@keyframe.test", password: "bench-password-123" };

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
export const median = (xs: number[]) => percentile(xs, 0.5);

export type BenchApp = { app: string; sim: string; dataDir: string; cookie: string; stop(): Promise<void> };

/**
 * Keyframe's start command (needs a build) in simulator mode on `port` (the simulator on port + 1), with an admin made
 * at start-up and signed in. `prepare` runs on the empty DATA_DIR first.
 */
export async function startBenchApp(options: {
  port: number;
  env?: Record<string, string>;
  prepare?: (dataDir: string) => void;
}): Promise<BenchApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyframe-bench-"));
  options.prepare?.(dataDir);
  const app = `http://127.0.0.1:${options.port}`;
  const server = spawn(process.execPath, ["scripts/start.mjs", "-p", String(options.port)], {
    env: {
      ...process.env,
      WAVESPEED_API_KEY: "",
      DATA_DIR: dataDir,
      SIMULATOR_PORT: String(options.port + 1),
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
    stdio: "ignore",
  });
  const stop = async () => {
    server.kill("SIGTERM");
    await sleep(300);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    const ok = await fetch(`${app}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (i > 300) {
      await stop();
      throw new Error("the app did not come up");
    }
    await sleep(100);
  }
  const res = await fetch(`${app}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(BENCH_ADMIN),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { app, sim: `http://127.0.0.1:${options.port + 1}`, dataDir, cookie, stop };
}

/** A POST /api/jobs body: one 640×360 start image and the given fields over the test defaults. */
export const benchJobForm = (fields: Record<string, string>) => jobForm(fields, { width: 640, height: 360, tint: [120, 80, 200] });
