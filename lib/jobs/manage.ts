import "server-only";
import { deleteFinishedJob, inputsInUse, insertJobs } from "@/lib/db/queries";
import { AppError } from "@/lib/errors";
import { removeJobOutputs } from "@/lib/storage/outputs";
import { removeInputs } from "@/lib/storage/media";
import { newId } from "./ids";
import { findJob } from "./list";
import { isFinished, type JobView } from "./types";
import { toJobView } from "./view";
import { kickWorker } from "./worker";

/** Deletes a finished job with its copies, poster, frames and any input no other job uses; its link then answers 404. */
export async function deleteJob(id: string): Promise<void> {
  const job = await findJob(id);
  if (!isFinished(job.status)) {
    throw new AppError("conflict", "This job is still running at WaveSpeed; delete it once it has finished.");
  }
  const deleted = await deleteFinishedJob(job.id);
  if (!deleted) throw new AppError("conflict", "This job changed while deleting; try again.");
  await removeJobOutputs(job.id);
  const inputs = [deleted.imageFile, deleted.lastImageFile].filter((n): n is string => n !== null);
  const used = await inputsInUse(inputs);
  await removeInputs(inputs.filter((n) => !used.has(n)));
}

/** A new job with the same inputs and parameters (and so a new charge); the failed one stays as it was. */
export async function retryJob(id: string, origin: string): Promise<JobView> {
  const job = await findJob(id);
  if (job.status !== "failed" && job.status !== "unknown") {
    throw new AppError("conflict", "Only a failed job can be retried.");
  }
  const now = Date.now();
  const [created] = await insertJobs([
    {
      ...job,
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
  ]);
  if (!created) throw new AppError("internal", "Could not create the job.");
  kickWorker();
  return toJobView(created, origin);
}
