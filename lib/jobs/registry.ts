import type { JobWorker } from "./worker";

/** The process's worker (one per instance), where routes that queue work can wake it without loading it. */
const registry = globalThis as typeof globalThis & { __keyframeWorker?: JobWorker };

export function setWorker(worker: JobWorker | undefined): void {
  registry.__keyframeWorker = worker;
}

export function getWorker(): JobWorker | undefined {
  return registry.__keyframeWorker;
}

/** Something is due now (a job queued, a copy to make): the worker looks at once instead of at its next tick. */
export function kickWorker(): void {
  registry.__keyframeWorker?.kick();
}
