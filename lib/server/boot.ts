import "server-only";
import { bootstrapAccounts } from "@/lib/auth/setup";
import path from "node:path";
import { getDb } from "@/lib/db/client";
import { ConfigError, env, SIMULATOR_KEY } from "@/lib/env";
import { JobWorker, getWorker, setWorker } from "@/lib/jobs/worker";
import { startSimulator, type Simulator } from "@/lib/simulator/server";
import { wavespeed } from "@/lib/wavespeed";

const registry = globalThis as typeof globalThis & { __keyframeBoot?: Promise<void>; __keyframeSimulator?: Simulator };

async function bootOnce(): Promise<void> {
  const config = env();
  if (config.mode === "simulator") {
    registry.__keyframeSimulator = await startSimulator({
      port: config.SIMULATOR_PORT,
      apiKey: SIMULATOR_KEY,
      delayMs: config.SIMULATOR_DELAY_MS,
      workDir: path.join(config.dataDir, "simulator"),
      faults: config.SIMULATOR_FAULTS,
    }).catch((error: unknown) => {
      if ((error as { code?: string }).code !== "EADDRINUSE") throw error;
      throw new ConfigError(
        `Invalid configuration (see .env.example):\n  SIMULATOR_PORT: port ${config.SIMULATOR_PORT} is already in use; pick a free one or set WAVESPEED_API_KEY`,
      );
    });
    console.log(`[keyframe] No WAVESPEED_API_KEY: using the built-in WaveSpeed simulator at ${registry.__keyframeSimulator.url}`);
  } else {
    console.log(`[keyframe] Using WaveSpeed at ${config.baseUrl}`);
  }
  await getDb();
  await bootstrapAccounts();
  if (!getWorker()) {
    const worker = new JobWorker(wavespeed(), {
      pollMinMs: config.POLL_MIN_MS,
      pollMaxMs: config.POLL_MAX_MS,
      submitConcurrency: config.SUBMIT_CONCURRENCY,
      copyTimeoutMs: config.COPY_TIMEOUT_MS,
    });
    setWorker(worker);
    await worker.start();
  }
}

/** Validates config, starts the simulator when needed, migrates the database and starts the worker. */
export async function boot(): Promise<void> {
  registry.__keyframeBoot ??= bootOnce().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  });
  return registry.__keyframeBoot;
}

export function simulatorRunning(): boolean {
  return registry.__keyframeSimulator !== undefined;
}
