import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { bootstrapAccounts } from "@/lib/auth/setup";
import { closeDb, getDb } from "@/lib/db/client";
import { ConfigError, env, SIMULATOR_KEY } from "@/lib/env";
import { workDir } from "@/lib/media/copy";
import { FilmExporter, getFilmExporter, setFilmExporter } from "@/lib/films/exporter";
import { getHookDeliverer, HookDeliverer, setHookDeliverer } from "@/lib/hooks/deliverer";
import { getWorker, setWorker } from "@/lib/jobs/registry";
import { JobWorker } from "@/lib/jobs/worker";
import { getReviewNotifier, ReviewNotifier, setReviewNotifier } from "@/lib/reviews/notify/notifier";
import { BillingPuller, getBillingPuller, setBillingPuller } from "@/lib/money/puller";
import { parseFaultSpec } from "@/lib/simulator/faults";
import { startSimulator, type Simulator } from "@/lib/simulator/server";
import { getStore } from "@/lib/storage/store";
import { wavespeed } from "@/lib/wavespeed";

type Registry = typeof globalThis & {
  __keyframeBoot?: Promise<void>;
  __keyframeSimulator?: Simulator;
  /** Called by scripts/start.mjs on SIGTERM: stop claiming, finish submits on the wire, hand leases back. */
  __keyframeShutdown?: (timeoutMs: number) => Promise<void>;
  __keyframeCloseDb?: () => Promise<void>;
  __keyframeDraining?: boolean;
};
const registry = globalThis as Registry;

const STALE_SCRATCH_MS = 60 * 60 * 1000;

/** Scratch folders a killed copy left behind (recent ones may belong to a live copy on another instance). */
async function sweepScratch(): Promise<void> {
  const dir = workDir();
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    const stat = await fs.stat(path.join(/*turbopackIgnore: true*/ dir, name)).catch(() => null);
    if (stat && Date.now() - stat.mtimeMs > STALE_SCRATCH_MS)
      await fs.rm(path.join(/*turbopackIgnore: true*/ dir, name), { recursive: true, force: true });
  }
}

async function startBuiltInSimulator(): Promise<void> {
  const config = env();
  try {
    parseFaultSpec(config.SIMULATOR_FAULTS ?? "");
  } catch (error) {
    throw new ConfigError(
      `Invalid configuration (see .env.example):\n  SIMULATOR_FAULTS: ${(error as Error).message}; must be a list like result:500x2,submit:429`,
    );
  }
  registry.__keyframeSimulator = await startSimulator({
    port: config.SIMULATOR_PORT,
    apiKey: SIMULATOR_KEY,
    delayMs: config.SIMULATOR_DELAY_MS,
    workDir: path.join(/*turbopackIgnore: true*/ config.dataDir, "simulator"),
    faults: config.SIMULATOR_FAULTS,
  }).catch((error: unknown) => {
    if ((error as { code?: string }).code !== "EADDRINUSE") throw error;
    throw new ConfigError(
      `Invalid configuration (see .env.example):\n  SIMULATOR_PORT: port ${config.SIMULATOR_PORT} is already in use; pick a free one or set WAVESPEED_API_KEY`,
    );
  });
  console.log(`[keyframe] No WAVESPEED_API_KEY: using the built-in WaveSpeed simulator at ${registry.__keyframeSimulator.url}`);
}

async function bootOnce(): Promise<void> {
  const config = env();
  if (config.mode === "simulator") await startBuiltInSimulator();
  else console.log(`[keyframe] Using WaveSpeed at ${config.baseUrl}`);
  await getDb().catch((error: unknown) => {
    throw new ConfigError(
      `Could not open the database:\n  ${config.DATABASE_URL ? "DATABASE_URL" : "DATA_DIR"}: ${(error as Error).message}`,
    );
  });
  await (async () => (await getStore()).check())().catch((error: unknown) => {
    throw new ConfigError(`Could not use the storage:\n  ${config.S3_BUCKET ? "S3_BUCKET" : "DATA_DIR"}: ${(error as Error).message}`);
  });
  await bootstrapAccounts();
  void sweepScratch();
  if (!getWorker()) {
    const worker = new JobWorker(wavespeed(), {
      instanceId: config.instanceId,
      pollMinMs: config.POLL_MIN_MS,
      pollMaxMs: config.POLL_MAX_MS,
      // The built-in simulator takes SIMULATOR_DELAY_MS; WaveSpeed about 45 s, until learned.
      expectMs: config.POLL_EXPECT_MS ?? (config.mode === "simulator" ? config.SIMULATOR_DELAY_MS : undefined),
      webhookUrl: config.webhookUrl,
      submitConcurrency: config.SUBMIT_CONCURRENCY,
      copyTimeoutMs: config.COPY_TIMEOUT_MS,
      settleAfterMs: config.SETTLE_AFTER_MS,
    });
    setWorker(worker);
    await worker.start();
  }
  if (!getFilmExporter()) {
    const exporter = new FilmExporter({ instanceId: config.instanceId });
    setFilmExporter(exporter);
    exporter.start();
  }
  if (!getHookDeliverer()) {
    const deliverer = new HookDeliverer({ instanceId: config.instanceId });
    setHookDeliverer(deliverer);
    deliverer.start();
  }
  if (!getReviewNotifier()) {
    const notifier = new ReviewNotifier({ instanceId: config.instanceId, origin: config.publicUrl });
    setReviewNotifier(notifier);
    notifier.start();
  }
  if (!getBillingPuller()) {
    const puller = new BillingPuller(wavespeed(), { owner: config.instanceId });
    setBillingPuller(puller);
    puller.start();
  }
  registry.__keyframeShutdown = async (timeoutMs) => {
    registry.__keyframeDraining = true;
    await Promise.all([
      getWorker()?.stop(timeoutMs),
      getFilmExporter()?.stop(),
      getHookDeliverer()?.stop(),
      getReviewNotifier()?.stop(),
      getBillingPuller()?.stop(),
    ]);
    await registry.__keyframeSimulator?.close();
  };
  registry.__keyframeCloseDb = closeDb;
}

/** Validates config, starts the simulator when needed, opens the database and storage and starts the worker, film exporter and hook deliverer. */
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

/** True once SIGTERM has started the drain: health answers 503 so load balancers stop sending requests. */
export const draining = () => registry.__keyframeDraining === true;
