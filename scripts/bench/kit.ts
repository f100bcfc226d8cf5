/** What the benchmarks share: Keyframe (this checkout or another) and the WaveSpeed simulator as processes, and statistics. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const ADMIN = { email: "bench@keyframe.test", password: "bench-password-123" };
export const SIM_KEY = "bench-simulator-key-0123456789";
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
export const median = (xs: number[]) => percentile(xs, 0.5);

/** One line of the table: a figure, its value (median of runs), the spread of runs, how many runs. */
export type Row = { figure: string; value: string; spread: string; runs: number };

/** A row from per-run values (each run already a p50 or a count): the median, and min–max. */
export function row(figure: string, perRun: number[], unit: string, digits = 0): Row {
  const f = (x: number) => `${x.toFixed(digits)}${unit}`;
  const ok = perRun.filter(Number.isFinite);
  if (ok.length === 0) return { figure, value: "n/a", spread: "", runs: perRun.length };
  return { figure, value: f(median(ok)), spread: ok.length > 1 ? `${f(Math.min(...ok))}–${f(Math.max(...ok))}` : "", runs: ok.length };
}

/** A scratch folder gone, though a process that has not quite stopped may still be writing into it. */
function removeDir(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    console.error(`[bench] could not remove ${dir}: ${(error as Error).message}`);
  }
}

export type Target = { dir: string; label: string };

let profileDir: string | undefined;
/** From now on, each Keyframe started writes a V8 CPU profile (`--cpu-prof`) into `dir` as it exits. */
export function profileServersInto(dir: string): void {
  profileDir = path.resolve(dir);
}

export type RunningApp = { url: string; cookie: string; dataDir: string; pid: number; stop(): Promise<void> };

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** CPU time (user + system, all threads) a process has used so far, in ms, from /proc: Linux only. */
export function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

function waitExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
  });
}

async function until(url: string, label: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(100);
  }
  throw new Error(`${label} did not come up`);
}

/**
 * Keyframe from `target.dir` (built): its start command when it has one, else `next start` (older
 * checkouts). A fresh DATA_DIR unless one is given; an admin made at start-up and signed in.
 */
export async function startApp(
  target: Target,
  port: number,
  env: Record<string, string> = {},
  prepare?: (dataDir: string) => Promise<void> | void,
): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyframe-bench-"));
  await prepare?.(dataDir);
  const ours = fs.existsSync(path.join(target.dir, "scripts", "start.mjs"));
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(
    process.execPath,
    [...profile, ...(ours ? ["scripts/start.mjs", "-p", String(port)] : ["node_modules/next/dist/bin/next", "start", "-p", String(port)])],
    {
      cwd: target.dir,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        SIMULATOR_PORT: String(port + 1),
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        NEXT_TELEMETRY_DISABLED: "1",
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        ...env,
      },
      stdio: "ignore",
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill("SIGTERM");
    await Promise.race([waitExit(child), sleep(10_000)]);
    child.kill("SIGKILL");
    removeDir(dataDir);
  };
  try {
    await until(`${url}/api/health`, `Keyframe (${target.label})`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, cookie: await signIn(url, ADMIN), dataDir, pid: child.pid!, stop };
}

/** The Cookie header a browser would send after signing in. */
export async function signIn(url: string, account: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(account),
  });
  if (!res.ok) throw new Error(`signing in ${account.email} answered ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** `count` members added by the admin and signed in: their cookies. */
export async function memberCookies(app: RunningApp, count: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) {
    const account = { email: `member${i}@keyframe.test`, password: ADMIN.password };
    const res = await fetch(`${app.url}/api/admin/members`, {
      method: "POST",
      headers: { cookie: app.cookie, "content-type": "application/json" },
      body: JSON.stringify({ ...account, name: `Member ${i}`, role: "member" }),
    });
    if (res.status !== 201) throw new Error(`adding a member answered ${res.status}`);
    cookies.push(await signIn(app.url, account));
  }
  return cookies;
}

export type RunningSim = { url: string; stats<T>(): Promise<T>; stop(): Promise<void> };

/** This checkout's simulator on its own (both Keyframes reach it as "WaveSpeed" with a key). */
export async function startSim(port: number, env: Record<string, string> = {}): Promise<RunningSim> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyframe-bench-sim-"));
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/simulator.ts"], {
    env: { ...process.env, SIM_PORT: String(port), SIM_API_KEY: SIM_KEY, SIM_DATA_DIR: dataDir, ...env },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  await until(`${url}/__sim/stats`, "the simulator");
  return {
    url,
    stats: async <T>() => (await (await fetch(`${url}/__sim/stats`)).json()) as T,
    stop: async () => {
      child.kill("SIGTERM");
      await Promise.race([waitExit(child), sleep(5000)]);
      removeDir(dataDir);
    },
  };
}

/** Keyframe in live mode against a simulator: what it does with a real key. */
export const liveEnv = (sim: RunningSim): Record<string, string> => ({ WAVESPEED_API_KEY: SIM_KEY, WAVESPEED_BASE_URL: sim.url });

export async function liftLimits(app: RunningApp, patch: Record<string, unknown> = {}): Promise<void> {
  const get = await fetch(`${app.url}/api/admin/settings`, { headers: { cookie: app.cookie } });
  const current = (await get.json()) as Record<string, unknown>;
  await fetch(`${app.url}/api/admin/settings`, {
    method: "PUT",
    headers: { cookie: app.cookie, "content-type": "application/json" },
    body: JSON.stringify({ ...current, submitsPerMinute: 600, ...patch }),
  });
}
