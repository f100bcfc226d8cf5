import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSimulator, type Simulator } from "@/lib/simulator/server";
import { freshServerBackends } from "./backends";

export const TEST_KEY = "test-key-0123456789";

/**
 * Points this test file's app modules at a fresh data directory (and, in the PostgreSQL + S3 pass, a fresh
 * database and bucket) and a fresh simulator. Call before the first import of anything that reads env.
 */
export async function setupApp(overrides: Record<string, string> = {}): Promise<{ sim: Simulator; dataDir: string }> {
  const g = globalThis as Record<string, unknown>;
  g.__keyframeTestApp = true; // for lib/test/backend-free-guard.ts
  // A pool left by an earlier test file in this process would keep its database busy.
  const earlier = (await (g.__keyframeDb as Promise<{ close(): Promise<void> }> | undefined)?.catch(() => undefined)) ?? undefined;
  await earlier?.close().catch(() => undefined);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyframe-test-"));
  const sim = await startSimulator({ port: 0, apiKey: TEST_KEY, delayMs: 400, workDir: path.join(dataDir, "sim"), slowMs: 1500 });
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    WAVESPEED_API_KEY: TEST_KEY,
    WAVESPEED_BASE_URL: sim.url,
    WAVESPEED_TIMEOUT_MS: "1000",
    POLL_MIN_MS: "100",
    POLL_MAX_MS: "400",
    POLL_EXPECT_MS: "200",
    ...(await freshServerBackends()),
    ...overrides,
  });
  delete g.__keyframeDb;
  delete g.__keyframeStore;
  delete g.__keyframeWorker;
  delete g.__keyframeAuth;
  return { sim, dataDir };
}

export async function until<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("Timed out waiting for condition");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A member to attribute jobs to in tests that call lib functions directly. */
export const TEST_USER = { id: "test-user", email: "test@keyframe.test", name: "Test", role: "admin" as const };

/**
 * Creates an account (admin unless said otherwise) through better-auth and signs it in: returns the
 * Cookie header a browser would send. Call after setupApp().
 */
export async function signedIn(email: string, role: "admin" | "member" = "admin"): Promise<{ cookie: string; id: string }> {
  const { getAuth } = await import("@/lib/auth/server");
  const auth = await getAuth();
  const password = "correct horse battery";
  const created = await auth.api.createUser({
    body: { email, password, name: email.split("@")[0]!, role: role === "admin" ? "admin" : "user" },
  });
  const res = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie, id: created.user.id };
}

/** A started worker over `client` (the simulator's by default) with the test suites' quick timings. */
export async function testWorker(
  overrides: Partial<import("@/lib/jobs/worker").WorkerOptions> = {},
  client?: import("@/lib/wavespeed/client").WaveSpeedClient,
): Promise<import("@/lib/jobs/worker").JobWorker> {
  const { JobWorker } = await import("@/lib/jobs/worker");
  const { setWorker } = await import("@/lib/jobs/registry");
  const { wavespeed } = await import("@/lib/wavespeed");
  const worker = new JobWorker(client ?? wavespeed(), {
    instanceId: "test",
    expectMs: 200,
    pollMinMs: 100,
    pollMaxMs: 400,
    submitConcurrency: 2,
    copyRetryMs: 50,
    ...overrides,
  });
  setWorker(worker);
  await worker.start();
  return worker;
}
