import "server-only";
import type { Job, NewJob } from "@/lib/db/schema";
import { CopyError, copyOutput } from "@/lib/media/copy";

const MAX_COPY_ATTEMPTS = 10;
const COPY_BACKOFF_CAP_MS = 10 * 60 * 1000;

/**
 * Keeps Keyframe's own copy of a finished output: the job's new copy state, done or to be tried again
 * with backoff (the upstream URL serves meanwhile), or given up. Null when aborted (shutting down: the
 * lease goes back and another instance copies it from the start).
 */
export async function copyStep(
  job: Job,
  signal: AbortSignal,
  options: { timeoutMs: number; retryMs: number },
): Promise<Partial<NewJob> | null> {
  const url = job.outputs[0];
  try {
    if (!url) throw new CopyError("WaveSpeed returned no output to keep.", true);
    const copied = await copyOutput(job.id, url, options.timeoutMs, signal);
    return { copyStatus: "done", copyError: null, copiedAt: Date.now(), nextCopyAt: null, ...copied };
  } catch (error) {
    if (signal.aborted) return null;
    const message = error instanceof CopyError ? error.message : `Could not save the video: ${(error as Error).message}`;
    const giveUp = (error instanceof CopyError && error.permanent) || job.copyAttempts >= MAX_COPY_ATTEMPTS;
    if (giveUp) return { copyStatus: "failed", copyError: message, nextCopyAt: null };
    const wait = Math.min(COPY_BACKOFF_CAP_MS, options.retryMs * 2 ** Math.max(0, job.copyAttempts - 1));
    return { copyStatus: "pending", copyError: message, nextCopyAt: Date.now() + wait };
  }
}
