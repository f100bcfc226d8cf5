import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { expect, request as http, type APIRequestContext } from "@playwright/test";
import { jobForm } from "../../lib/test/job-form";
import { ADMIN, ADMIN_ENV } from "./auth";
import { CLUSTER_A_PORT, CLUSTER_B_PORT, CLUSTER_SIM_PORT } from "./ports";
import { backendName, freshData, startServer, stopServer } from "./server";

/** Several Keyframe instances on one database and bucket, and a WaveSpeed simulator of their own (e2e/cluster.spec.ts). */
const SIM_KEY = "cluster-sim-key-0123456789";
export const DATA = "data/e2e-cluster";
export const A = `http://127.0.0.1:${CLUSTER_A_PORT}`;
export const B = `http://127.0.0.1:${CLUSTER_B_PORT}`;
export const SIM = `http://127.0.0.1:${CLUSTER_SIM_PORT}`;

export type Job = {
  id: string;
  status: string;
  copy: { state: string };
  video: { src: string; stored: boolean } | null;
  shareUrl: string | null;
};
export type Stats = {
  submitRequests: number;
  submits: number;
  resultGets: Record<string, number>;
  received: { taskId: string; webhook?: string }[];
  webhooks: { sent: number };
};

let sim: ChildProcess | undefined;
const running: ChildProcess[] = [];

const pollOnce = { POLL_MIN_MS: "400", POLL_MAX_MS: "1500", POLL_EXPECT_MS: "4000" };

export async function instance(port: number, name: string, extra: Record<string, string> = {}): Promise<ChildProcess> {
  // Each has its own DATA_DIR; both use the database and bucket named after DATA.
  const child = await startServer(
    port,
    {
      ...ADMIN_ENV,
      DATA_DIR: `${DATA}-${name}`,
      WAVESPEED_API_KEY: SIM_KEY,
      WAVESPEED_BASE_URL: SIM,
      INSTANCE_ID: `instance-${name}`,
      AUTH_SECRET: "a-shared-secret-for-both-instances-0123456789",
      ...pollOnce,
      ...extra,
    },
    backendName(DATA),
  );
  running.push(child);
  return child;
}

export async function startSim(faults = "") {
  sim = spawn(process.execPath, ["--import", "tsx", "scripts/simulator.ts"], {
    env: {
      ...process.env,
      SIM_PORT: String(CLUSTER_SIM_PORT),
      SIM_API_KEY: SIM_KEY,
      SIM_DELAY_MS: "6000",
      SIM_DATA_DIR: `${DATA}-sim`,
      SIM_FAULTS: faults,
      SIM_SLOW_MS: "3000",
    },
    stdio: "ignore",
  });
  await expect
    .poll(
      () =>
        fetch(`${SIM}/__sim/stats`).then(
          (r) => r.ok,
          () => false,
        ),
      { timeout: 20_000 },
    )
    .toBe(true);
}
export const stats = async () => (await (await fetch(`${SIM}/__sim/stats`)).json()) as Stats;

export async function signedIn(base: string): Promise<APIRequestContext> {
  const api = await http.newContext({ baseURL: base });
  expect((await api.post("/api/session", { data: ADMIN })).status()).toBe(200);
  return api;
}

export const submit = (api: APIRequestContext, prompt: string) => api.post("/api/jobs", { multipart: jobForm({ prompt, duration: "2" }) });

export async function liftRateLimit(api: APIRequestContext, patch: Record<string, unknown> = {}) {
  const current = (await (await api.get("/api/admin/settings")).json()) as Record<string, unknown>;
  expect((await api.put("/api/admin/settings", { data: { ...current, submitsPerMinute: 600, ...patch } })).status()).toBe(200);
}

export async function jobs(api: APIRequestContext): Promise<Job[]> {
  return ((await (await api.get("/api/jobs?limit=100")).json()) as { jobs: Job[] }).jobs;
}

/**
 * Jobs whose submit WaveSpeed answered and A recorded. (The simulator counts a task before A has read its
 * answer: a kill in between leaves that job "outcome unknown", as it should, and not one to complete.)
 */
export const recorded = async (api: APIRequestContext) =>
  (await jobs(api)).filter((j) => !["queued", "submitting"].includes(j.status)).length;

/** A fresh database, bucket and data folders before each test. */
export async function freshCluster(): Promise<void> {
  await freshData(DATA);
  await freshData(`${DATA}-a`);
  await freshData(`${DATA}-b`);
  fs.rmSync(`${DATA}-sim`, { recursive: true, force: true });
}

/** Every instance and the simulator stopped after each test. */
export async function stopCluster(): Promise<void> {
  await Promise.all(running.splice(0).map((c) => stopServer(c)));
  if (sim) await stopServer(sim);
}
