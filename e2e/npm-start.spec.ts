import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { expect, request as http, test, type APIRequestContext } from "@playwright/test";
import { serverBackendsEnv } from "../lib/test/backends";
import { jobForm } from "../lib/test/job-form";
import { ADMIN, ADMIN_ENV } from "./support/auth";
import { savedJobs } from "./support/jobs";
import { dataDirFor, STANDALONE } from "./support/entry";
import { NPM_START_PORT, NPM_START_SIM_PORT } from "./support/ports";
import { backendName, freshData, startServer, stopServer } from "./support/server";

/**
 * `npm start` as a process manager runs it: what it signals (or kills) is npm, and the server npm started
 * must still drain. (The image runs `node server.js` itself: its drain is in cluster.spec.ts.)
 */
test.skip(STANDALONE, "the standalone folder (the image) is started without npm");
test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

const DATA_DIR = "data/e2e-npm-start";
const SIM_KEY = "npm-start-sim-key-0123456789";
const base = `http://127.0.0.1:${NPM_START_PORT}`;
const SIM = `http://127.0.0.1:${NPM_START_SIM_PORT}`;
type Stats = { submitRequests: number; submits: number };

const env = {
  ...ADMIN_ENV,
  DATA_DIR: dataDirFor(DATA_DIR),
  WAVESPEED_API_KEY: SIM_KEY,
  WAVESPEED_BASE_URL: SIM,
  SUBMIT_CONCURRENCY: "2",
  POLL_MIN_MS: "400",
  POLL_MAX_MS: "1500",
  POLL_EXPECT_MS: "2000",
  NEXT_TELEMETRY_DISABLED: "1",
  ...serverBackendsEnv(backendName(DATA_DIR)),
};
const stats = async () => (await (await fetch(`${SIM}/__sim/stats`)).json()) as Stats;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const up = () =>
  fetch(`${base}/api/health`).then(
    (r) => r.ok,
    () => false,
  );

let sim: ChildProcess | undefined;
let npm: ChildProcess | undefined;
let restarted: ChildProcess | undefined;
let serverPid = 0;
let output = "";

test.beforeEach(async () => {
  await freshData(DATA_DIR);
  fs.rmSync(`${DATA_DIR}-sim`, { recursive: true, force: true });
});

/** The upstream, answering every submit `slowMs` late, so some are on the wire when npm is stopped. */
async function startSimulator(slowMs: number) {
  sim = spawn(process.execPath, ["--import", "tsx", "scripts/simulator.ts"], {
    env: {
      ...process.env,
      SIM_PORT: String(NPM_START_SIM_PORT),
      SIM_API_KEY: SIM_KEY,
      SIM_DELAY_MS: "2000",
      SIM_DATA_DIR: `${DATA_DIR}-sim`,
      SIM_FAULTS: "submit:slowx*",
      SIM_SLOW_MS: String(slowMs),
    },
    stdio: "ignore",
  });
  await expect
    .poll(
      () =>
        stats().then(
          () => true,
          () => false,
        ),
      { timeout: 20_000 },
    )
    .toBe(true);
}

test.afterEach(async () => {
  if (restarted) await stopServer(restarted);
  if (serverPid && alive(serverPid)) process.kill(serverPid, "SIGKILL");
  if (npm) await stopServer(npm);
  if (sim) await stopServer(sim);
  restarted = npm = sim = undefined;
  serverPid = 0;
  output = "";
});

/** `npm start`, six takes sent through it, the first submits on the wire: npm's exit (code) to come. */
async function startWithNpmAndSubmit(slowMs = 3000): Promise<{ api: APIRequestContext; npmExit: Promise<number | null> }> {
  await startSimulator(slowMs);
  // Without INSTANCE_ID an instance is named host:pid, which tells the server's own process under npm.
  const { INSTANCE_ID: _unset, ...inherited } = process.env;
  npm = spawn("npm", ["start", "--", "-p", String(NPM_START_PORT)], { env: { ...inherited, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  npm.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const npmExit = new Promise<number | null>((resolve) => npm!.once("exit", (code) => resolve(code)));
  await expect.poll(up, { timeout: 60_000 }).toBe(true);
  serverPid = Number(((await (await fetch(`${base}/api/health`)).json()) as { instance: string }).instance.split(":").pop());
  expect(serverPid).not.toBe(npm.pid);

  const api = await http.newContext({ baseURL: base });
  expect((await api.post("/api/session", { data: ADMIN })).status()).toBe(200);
  const settings = (await (await api.get("/api/admin/settings")).json()) as Record<string, unknown>;
  expect((await api.put("/api/admin/settings", { data: { ...settings, submitsPerMinute: 600 } })).status()).toBe(200);
  for (let i = 0; i < 6; i++)
    expect((await api.post("/api/jobs", { multipart: jobForm({ prompt: `Sent under npm ${i}` }) })).status()).toBe(201);
  await expect.poll(async () => (await stats()).submitRequests, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  return { api, npmExit };
}

/** The server exits by itself (nobody signals it here), having drained. */
async function serverDrainedAndGone() {
  await expect
    .poll(() => alive(serverPid), { timeout: 35_000, message: `the server (pid ${serverPid}) kept running:\n${output}` })
    .toBe(false);
  expect(output).toContain("Drained; bye.");
}

/** Started again, it sends the rest: every take completes, each sent once, none "outcome unknown". */
async function allSixComplete(api: APIRequestContext) {
  restarted = await startServer(NPM_START_PORT, env, backendName(DATA_DIR));
  await expect
    .poll(async () => ((await (await api.get("/api/jobs")).json()) as { jobs: { status: string }[] }).jobs.map((j) => j.status), {
      timeout: 60_000,
    })
    .toEqual(Array(6).fill("completed"));
  expect(await stats()).toMatchObject({ submitRequests: 6, submits: 6 });
  // And saved: no copy (nor its ffmpeg) is left running into the next test's fresh data directory.
  const { jobs } = (await (await api.get("/api/jobs")).json()) as { jobs: { id: string }[] };
  await savedJobs(
    api,
    jobs.map((j) => j.id),
  );
}

test("SIGTERM to `npm start` with submits on the wire: they finish, the server exits by itself, then npm exits 0", async () => {
  const { api, npmExit } = await startWithNpmAndSubmit();
  const sentAt = Date.now();
  npm!.kill("SIGTERM");
  const code = await Promise.race([npmExit, new Promise<string>((r) => setTimeout(() => r("npm still running"), 45_000))]);
  await serverDrainedAndGone();
  // npm waited for the server: it exits after it, and cleanly.
  expect(code).toBe(0);
  expect(Date.now() - sentAt).toBeGreaterThan(1000);
  expect(output).toContain("SIGTERM: draining");
  await allSixComplete(api);
});

test("npm killed -9 under `npm start`: the orphaned server notices, drains and exits by itself", async () => {
  const { api, npmExit } = await startWithNpmAndSubmit();
  npm!.kill("SIGKILL");
  await npmExit;
  await serverDrainedAndGone();
  expect(output).toMatch(/The process that started it \(pid \d+\) exited: draining/);
  await allSixComplete(api);
});

test("npm killed -9 while the server drains (a process manager's stop timeout): the drain goes on to its end", async () => {
  // Submits answered 6 s late: the kill comes 2 s into the drain, with them still on the wire.
  const { api, npmExit } = await startWithNpmAndSubmit(6000);
  npm!.kill("SIGTERM");
  await expect.poll(() => output, { timeout: 5_000 }).toContain("SIGTERM: draining");
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const onTheWire = await stats();
  expect(onTheWire.submitRequests).toBeGreaterThan(onTheWire.submits);
  npm!.kill("SIGKILL");
  await npmExit;
  // Before, the watch for a dead parent took npm's death for a second signal and exited at once.
  await serverDrainedAndGone();
  expect(output).not.toContain("exiting now");
  await allSixComplete(api);
});
