import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import { cancelQueuedJob, deleteFinishedJob, updateJob } from "@/lib/db/queries/jobs";
import { forgetStars } from "@/lib/db/queries/stars";
import { forgetTake } from "@/lib/db/queries/storyboards";
import type { Job } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { refuseUnavailable } from "@/lib/catalog/live";
import { admittedPriceMicros } from "@/lib/catalog/quote";

import { release } from "@/lib/team/spend";

import { submitBatch, type Created } from "./create";
import { newId } from "./ids";
import { lifeStep } from "./life";
import { pinStoredInputs, releaseInputs, removeUnusedInputs } from "./inputs";
import { removeJobOutputs } from "./outputs";
import { findJob } from "./list";
import { manageableJob } from "./share";
import { isFinished } from "./types";
import { kickWorker } from "./registry";

/**
 * Deletes a finished job with its copies, poster, frames and any input no other job uses; its link then
 * answers 404, and it leaves every storyboard shot and star it had.
 */
export async function deleteJob(id: string, user: SessionUser): Promise<void> {
  const job = await manageableJob(id, user);
  if (!isFinished(job.status)) {
    throw new AppError("conflict", "This job is still running at WaveSpeed; delete it once it has finished.");
  }
  const deleted = await deleteFinishedJob(job.id);
  if (!deleted) throw new AppError("conflict", "This job changed while deleting; try again.");
  await Promise.all([forgetTake(job.id), forgetStars(job.id)]);
  await removeJobOutputs(job.id);
  await removeUnusedInputs([deleted.imageFile, deleted.lastImageFile].filter((n): n is string => n !== null));
}

/** Withdraws a job that is still waiting in Keyframe's queue: it is never sent, and its reservation is released. */
export async function cancelJob(id: string, user: SessionUser): Promise<Job> {
  const job = await manageableJob(id, user);
  const { patch } = lifeStep({ kind: "cancel" }, Date.now());
  const cancelled = await cancelQueuedJob(job.id, patch);
  if (!cancelled) {
    throw new AppError("conflict", "This job has already been sent to WaveSpeed, so it can no longer be cancelled.");
  }
  await release([job.id]);
  return cancelled;
}

/** Queues the copy of a finished video again after it gave up (e.g. WaveSpeed was briefly unreachable). */
export async function retryCopy(id: string, user: SessionUser): Promise<Job> {
  const job = await manageableJob(id, user);
  if (job.status !== "completed" || job.copyStatus !== "failed") {
    throw new AppError("conflict", "Only a finished video whose copy failed can be saved again.");
  }
  const patch = { copyStatus: "pending", copyAttempts: 0, nextCopyAt: Date.now(), copyError: null } as const;
  await updateJob(job.id, patch);
  kickWorker();
  return { ...job, ...patch };
}

/**
 * A new job with the same inputs and parameters, made by whoever retries it: a new charge, under the
 * same caps and rate limit as any submit. The failed one stays as it was.
 */
export async function retryJob(id: string, user: SessionUser, origin: string, idempotencyKey: string | null): Promise<Created> {
  const job = await findJob(id);
  if (job.status !== "failed" && job.status !== "unknown") {
    throw new AppError("conflict", "Only a failed job can be retried.");
  }
  // Pinned until the new job exists, so deleting the failed one meanwhile cannot take its images.
  const holder = newId();
  try {
    const names = [job.imageFile, job.lastImageFile].filter((n): n is string => n !== null);
    if (!(await pinStoredInputs(names, holder))) {
      throw new AppError("conflict", "This job's images are no longer stored; start a new generation with them.");
    }
    return await submitRetry(job, user, origin, idempotencyKey);
  } finally {
    await releaseInputs(holder);
  }
}

/** A retry is a new take: its model must still be served, and it is admitted at today's price, not the old one. */
async function submitRetry(job: Job, user: SessionUser, origin: string, idempotencyKey: string | null): Promise<Created> {
  await refuseUnavailable(job.model);
  const priceMicros = await admittedPriceMicros({
    model: job.model,
    resolution: job.resolution,
    duration: job.duration,
    generateAudio: job.generateAudio,
  });
  const now = Date.now();
  return submitBatch(
    [
      {
        ...job,
        priceMicros,
        id: newId(),
        batchId: newId(),
        variation: 0,
        createdAt: now,
        updatedAt: now,
        status: "queued",
        upstreamId: null,
        outputs: [],
        nsfw: [],
        error: null,
        submittedAt: null,
        processingAt: null,
        finishedAt: null,
        nextPollAt: null,
        submitAttempts: 0,
        pollCount: 0,
        pollFailures: 0,
        shareId: newId(),
        copyStatus: "none",
        copyAttempts: 0,
        nextCopyAt: null,
        copyError: null,
        copiedAt: null,
        videoFile: null,
        videoBytes: null,
        videoWidth: null,
        videoHeight: null,
        posterFile: null,
        lastFrameFile: null,
      },
    ],
    { user, origin, idempotencyKey, requestHash: `retry:${job.id}` },
  );
}
