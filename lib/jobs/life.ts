import type { Job, NewJob } from "@/lib/db/schema";
import { FINAL_TASK_STATUSES, type ResultOutcome, type SubmitOutcome, type Task } from "@/lib/wavespeed/types";

/**
 * A job's life in one place: every answer or failure from upstream (and the few events of Keyframe's own
 * that change a job) → the job's next row and the ledger's effect. Pure: the caller reads the clock and the
 * poll schedule, writes the patch, moves the money.
 *
 * Money: `charge` (WaveSpeed created, or may have created, a task: counted as spent, before the row is
 * written), `release` (nothing was created: the reservation no longer counts), `failed` (charged, and the
 * take failed: marked so, the charge left for reconciliation), `charge_failed` (both at once: a submit
 * answered with a task that already failed), or null.
 */
export type Money = "charge" | "charge_failed" | "release" | "failed" | null;
export type Step = {
  patch: Partial<NewJob>;
  money: Money;
  /** WaveSpeed refused the API key: no request goes out for any job until it accepts it again. */
  keyRefused?: { status: number; message: string };
};

export type LifeEvent =
  /** What a submit POST came back with. */
  | { kind: "submit"; outcome: SubmitOutcome }
  /** The stored images could not be read, so nothing was sent; `missing`: gone for good. */
  | { kind: "unreadable_input"; missing: boolean; message: string }
  /** The images could not be uploaded to WaveSpeed, so nothing was submitted. */
  | { kind: "upload_failed"; retryable: boolean; message: string; refused?: { status: number; message: string } }
  /** One result GET. */
  | { kind: "result"; outcome: ResultOutcome }
  /** A signed webhook delivery. */
  | { kind: "webhook"; task: Task }
  /** The instance sending it died (its lease ran out): WaveSpeed may or may not have the task. */
  | { kind: "lease_expired_mid_submit" }
  /** Its maker withdrew it while it was still queued. */
  | { kind: "cancel" };

/** `nextPoll`: when to look again at an unfinished task; `retry`: when to try again after a failure. */
export type Clock = { now: number; nextPoll: number; retry: (atLeastMs?: number) => number };

export const MAX_SUBMIT_ATTEMPTS = 8;

/** How long a job is followed after its submit: a base, plus this much per second of video asked for. */
export const JOB_DEADLINE = { baseMs: 30 * 60_000, perSecondMs: 2 * 60_000 } as const;

export const deadlineMs = (duration: number) => JOB_DEADLINE.baseMs + JOB_DEADLINE.perSecondMs * duration;
export const deadlineAt = (job: Pick<Job, "submittedAt" | "createdAt" | "duration">) =>
  (job.submittedAt ?? job.createdAt) + deadlineMs(job.duration);

export const INTERRUPTED_SUBMIT =
  "Keyframe stopped while sending this job, so WaveSpeed may or may not have created (and charged) it. It was not resent, to avoid paying twice: Keyframe looks for it in WaveSpeed's history and follows it if it was made.";

export const pastDeadline = (duration: number) =>
  `WaveSpeed did not finish this video within ${Math.round(deadlineMs(duration) / 60_000)} minutes, so Keyframe stopped waiting for it. It may still be charged: check your WaveSpeed dashboard.`;

const ended = (error: string, now: number) => ({ status: "failed" as const, error, finishedAt: now, nextPollAt: null });

/** Past its deadline a job that is not finished upstream ends as timed out; the charge stays for reconciliation. */
function timedOut(job: Job, now: number): Step | null {
  return now > deadlineAt(job) ? { patch: ended(pastDeadline(job.duration), now), money: "failed" } : null;
}

/** The row an upstream task state implies, whoever learned it (a poll, a webhook, the submit's answer). */
function taskStep(job: Job, task: Task, clock: Clock): Step {
  const { now, nextPoll } = clock;
  if (task.status === "completed") {
    if (task.outputs.length === 0) return { patch: ended("WaveSpeed reported completion without an output.", now), money: "failed" };
    const patch = { status: "completed", outputs: task.outputs, nsfw: task.nsfw, finishedAt: now, nextPollAt: null, error: null } as const;
    return { patch: { ...patch, copyStatus: "pending", nextCopyAt: now }, money: null };
  }
  if (FINAL_TASK_STATUSES.includes(task.status)) {
    return { patch: ended(task.error ?? `WaveSpeed reported the task ${task.status}.`, now), money: "failed" };
  }
  const late = timedOut(job, now);
  if (late) return late;
  if (task.status === "created") return { patch: { status: "submitted", nextPollAt: nextPoll }, money: null };
  if (task.status === "processing")
    return { patch: { status: "processing", processingAt: job.processingAt ?? now, nextPollAt: nextPoll }, money: null };
  // A status this version does not know: asked again until the deadline.
  return { patch: { nextPollAt: nextPoll }, money: null };
}

/**
 * Nothing was created: the job waits until the key is accepted (nothing is sent meanwhile, so a long refusal
 * uses no tries). Each refusal still counts as a try, so a key WaveSpeed's balance accepts but its submits
 * refuse ends the job after MAX_SUBMIT_ATTEMPTS rather than trying once a minute forever.
 */
function keyWait(job: Job, refused: { status: number; message: string }, now: number): Step {
  if (job.submitAttempts >= MAX_SUBMIT_ATTEMPTS) {
    const error = `${refused.message} WaveSpeed refused the API key on each of ${job.submitAttempts} tries; it created no task, so nothing was charged.`;
    return { patch: ended(error, now), money: "release", keyRefused: refused };
  }
  return { patch: { status: "queued", error: `Waiting: ${refused.message}`, nextPollAt: now }, money: null, keyRefused: refused };
}

/** Nothing was sent (or nothing created): try again later, up to MAX_SUBMIT_ATTEMPTS, then fail with nothing charged. */
function sendLater(job: Job, message: string, clock: Clock, atLeastMs?: number): Step {
  if (job.submitAttempts >= MAX_SUBMIT_ATTEMPTS) {
    const error = `${message} Gave up after ${job.submitAttempts} tries; WaveSpeed created no task, so nothing was charged.`;
    return { patch: ended(error, clock.now), money: "release" };
  }
  return { patch: { status: "queued", error: `Waiting to retry: ${message}`, nextPollAt: clock.retry(atLeastMs) }, money: null };
}

function submitStep(job: Job, outcome: SubmitOutcome, clock: Clock): Step {
  const { now } = clock;
  if (outcome.ok) {
    // The deadline runs from now; finishedAt: a lease that ran out meanwhile may have marked it "outcome unknown".
    const sent = { ...job, submittedAt: now };
    const step = taskStep(sent, outcome.task, clock);
    const patch = { upstreamId: outcome.task.id, submittedAt: now, error: null, finishedAt: null, ...step.patch };
    return { patch, money: step.money === "failed" ? "charge_failed" : "charge" };
  }
  switch (outcome.kind) {
    case "rate_limited":
      return sendLater(job, outcome.message, clock, outcome.retryAfterMs);
    case "unreachable":
      return sendLater(job, outcome.message, clock, 0);
    case "rejected":
      return { patch: ended(outcome.message, now), money: "release" };
    case "key_refused":
      return keyWait(job, { status: outcome.status, message: outcome.message }, now);
    case "unknown":
      // WaveSpeed may have created (and will charge) the task: count it.
      return {
        patch: {
          status: "unknown",
          error: `${outcome.message} It was not resent, to avoid paying twice.`,
          finishedAt: now,
          nextPollAt: null,
        },
        money: "charge",
      };
  }
}

function resultStep(job: Job, outcome: ResultOutcome, clock: Clock): Step {
  const pollCount = job.pollCount + 1;
  const { now } = clock;
  if (outcome.ok) {
    const step = taskStep(job, outcome.task, clock);
    return { ...step, patch: { pollCount, ...step.patch } };
  }
  switch (outcome.kind) {
    case "refused": {
      // Not the job's fault: it waits (no GET is made for any job while the key is refused), until its deadline.
      const keyRefused = { status: outcome.status ?? 401, message: outcome.message };
      const late = timedOut(job, now);
      if (late) return { ...late, patch: { pollCount, ...late.patch }, keyRefused };
      return { patch: { pollCount, nextPollAt: now }, money: null, keyRefused };
    }
    case "final":
      return { patch: { pollCount, ...ended(outcome.message, now) }, money: "failed" };
    case "retry": {
      const late = timedOut(job, now);
      if (late) return { ...late, patch: { pollCount, ...late.patch } };
      return { patch: { pollCount, pollFailures: job.pollFailures + 1, nextPollAt: clock.retry(outcome.retryAfterMs) }, money: null };
    }
  }
}

/** The job's next row and the ledger's effect, for any event. */
export function jobLife(job: Job, event: LifeEvent, clock: Clock): Step {
  const { now } = clock;
  switch (event.kind) {
    case "submit":
      return submitStep(job, event.outcome, clock);
    case "unreadable_input":
      if (event.missing) return { patch: ended(event.message, now), money: "release" };
      return sendLater(job, `could not read the input images (${event.message}); nothing was sent or charged.`, clock, 0);
    case "upload_failed":
      // The message says nothing was sent or charged; a refused key waits for the key like a refused submit.
      if (event.refused) return keyWait(job, event.refused, now);
      if (!event.retryable) return { patch: ended(event.message, now), money: "release" };
      return sendLater(job, event.message, clock, 0);
    case "result":
      return resultStep(job, event.outcome, clock);
    case "webhook":
      return taskStep(job, event.task, clock);
    case "lease_expired_mid_submit":
    case "cancel":
      return lifeStep(event, now);
  }
}

/** Events whose step does not depend on the row (a lease run out mid-submit, a cancel): also for bulk updates. */
export function lifeStep(event: Extract<LifeEvent, { kind: "lease_expired_mid_submit" | "cancel" }>, now: number): Step {
  if (event.kind === "cancel") return { patch: { status: "cancelled", error: null, finishedAt: now, nextPollAt: null }, money: "release" };
  return { patch: { status: "unknown", error: INTERRUPTED_SUBMIT, finishedAt: now, nextPollAt: null }, money: "charge" };
}
