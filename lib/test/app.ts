import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSimulator, type Simulator } from "@/lib/simulator/server";

export const TEST_KEY = "test-key-0123456789";

/**
 * Points this test file's app modules at a fresh data directory and a fresh simulator.
 * Call before the first import of anything that reads env.
 */
export async function setupApp(overrides: Record<string, string> = {}): Promise<{ sim: Simulator; dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "keyframe-test-"));
  const sim = await startSimulator({ port: 0, apiKey: TEST_KEY, delayMs: 400, workDir: path.join(dataDir, "sim"), slowMs: 1500 });
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    WAVESPEED_API_KEY: TEST_KEY,
    WAVESPEED_BASE_URL: sim.url,
    WAVESPEED_TIMEOUT_MS: "1000",
    POLL_MIN_MS: "100",
    POLL_MAX_MS: "400",
    ...overrides,
  });
  const g = globalThis as Record<string, unknown>;
  delete g.__keyframeDb;
  delete g.__keyframeWorker;
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
