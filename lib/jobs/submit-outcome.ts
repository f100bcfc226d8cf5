import type { Job, NewJob } from "@/lib/db/schema";
import type { SubmitOutcome } from "@/lib/wavespeed/types";
import { MissingInput } from "./submit-input";
import { taskPatch } from "./transitions";
import { UploadFailed } from "./uploads";

const MAX_SUBMIT_ATTEMPTS = 8;

/** What a submit's outcome means for the job's row and for its money. */
export type SubmitResult = { patch: Partial<NewJob>; money: "charge" | "release" | null };

/**
 * The job after one submit POST. Only answers that prove nothing was created (429, a connection never
 * made) send it again later; an answer that may hide a created task counts as charged and is never resent.
 */
export function submitResult(
  job: Job,
  outcome: SubmitOutcome,
  now: number,
  when: { firstPoll: number; retry: (atLeastMs?: number) => number },
): SubmitResult {
  if (outcome.ok) {
    return {
      // finishedAt: a lease that ran out meanwhile may have marked it "outcome unknown", now known better.
      patch: {
        upstreamId: outcome.task.id,
        submittedAt: now,
        error: null,
        finishedAt: null,
        ...taskPatch(job, outcome.task, now, when.firstPoll),
      },
      money: "charge",
    };
  }
  if (outcome.kind === "rate_limited" || outcome.kind === "unreachable") {
    if (job.submitAttempts >= MAX_SUBMIT_ATTEMPTS) {
      const error = `${outcome.message} Gave up after ${job.submitAttempts} tries; WaveSpeed created no task, so nothing was charged.`;
      return { patch: { status: "failed", error, finishedAt: now }, money: "release" };
    }
    const nextPollAt = when.retry(outcome.kind === "rate_limited" ? outcome.retryAfterMs : 0);
    return { patch: { status: "queued", error: `Waiting to retry: ${outcome.message}`, nextPollAt }, money: null };
  }
  if (outcome.kind === "rejected") {
    return { patch: { status: "failed", error: outcome.message, finishedAt: now, nextPollAt: null }, money: "release" };
  }
  // WaveSpeed may have created (and will charge) the task: count it.
  const error = `${outcome.message} It was not resent, to avoid paying twice.`;
  return { patch: { status: "unknown", error, finishedAt: now, nextPollAt: null }, money: "charge" };
}

/**
 * The inputs could not be read or uploaded, so nothing was sent: gone for good (or refused) fails the job;
 * a storage error or a passing upload failure waits.
 */
export function unreadableInput(job: Job, error: Error, now: number, retry: () => number): SubmitResult {
  const gaveUp = job.submitAttempts >= MAX_SUBMIT_ATTEMPTS;
  if (error instanceof UploadFailed) {
    if (!error.retryable || gaveUp)
      return { patch: { status: "failed", error: error.message, finishedAt: now, nextPollAt: null }, money: "release" };
    return { patch: { status: "queued", error: `Waiting to retry: ${error.message}`, nextPollAt: retry() }, money: null };
  }
  if (error instanceof MissingInput || gaveUp) {
    const message =
      error instanceof MissingInput ? error.message : `Could not read the input images (${error.message}); nothing was sent or charged.`;
    return { patch: { status: "failed", error: message, finishedAt: now, nextPollAt: null }, money: "release" };
  }
  const message = `Waiting to retry: could not read the input images (${error.message}).`;
  return { patch: { status: "queued", error: message, nextPollAt: retry() }, money: null };
}
