import "server-only";
import {
  claimCopies,
  claimQueued,
  duePolls,
  markInterruptedSubmits,
  nextDueAt,
  resumeInterruptedCopies,
  updateJob,
} from "@/lib/db/queries";
import type { Job, NewJob } from "@/lib/db/schema";
import { CopyError, copyOutput } from "@/lib/media/copy";
import { removeJobOutputs } from "@/lib/storage/outputs";
import { markCharged, markFailed, release } from "@/lib/team/spend";
import type { WaveSpeedClient } from "@/lib/wavespeed/client";
import type { Task } from "@/lib/wavespeed/types";
import { submitInputFor } from "./submit-input";

export type WorkerOptions = {
  pollMinMs: number;
  pollMaxMs: number;
  submitConcurrency: number;
  copyTimeoutMs?: number;
  copyRetryMs?: number;
};

const IDLE_MS = 5000;
const MIN_TICK_MS = 250;
const MAX_SUBMIT_ATTEMPTS = 8;
const UNKNOWN_STATUS_GIVE_UP_MS = 60 * 60 * 1000;
const COPY_CONCURRENCY = 2;
const MAX_COPY_ATTEMPTS = 10;
const COPY_BACKOFF_CAP_MS = 10 * 60 * 1000;
export const INTERRUPTED_SUBMIT =
  "Keyframe stopped while sending this job, so WaveSpeed may or may not have created (and charged) it. It was not resent, to avoid paying twice: check your WaveSpeed dashboard.";

/**
 * One per server process. Sends queued jobs and follows unfinished ones by polling WaveSpeed,
 * so the upstream traffic a job costs does not depend on how many browsers are watching it.
 */
export class JobWorker {
  private timer: NodeJS.Timeout | undefined;
  private wakeAt = Infinity;
  private ticking = false;
  private stopped = false;
  private submitting = 0;
  private copying = 0;
  private readonly polling = new Set<string>();
  private readonly inflight = new Set<Promise<void>>();
  lastTickAt = 0;

  constructor(
    private readonly client: WaveSpeedClient,
    private readonly options: WorkerOptions,
  ) {}

  async start(): Promise<void> {
    const interrupted = await markInterruptedSubmits(INTERRUPTED_SUBMIT);
    if (interrupted) console.warn(`[worker] ${interrupted} job(s) were mid-submit at shutdown; marked as outcome unknown`);
    const copies = await resumeInterruptedCopies();
    if (copies) console.warn(`[worker] ${copies} video cop${copies > 1 ? "ies were" : "y was"} interrupted; starting over`);
    this.schedule(0);
  }

  kick(): void {
    this.schedule(0);
  }

  get alive(): boolean {
    return !this.stopped && Date.now() - this.lastTickAt < IDLE_MS * 3;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.inflight]);
  }

  /** Backoff for the nth poll or retry: pollMin, x1.3 each time, capped at pollMax, with ±10% jitter. */
  private interval(n: number, atLeast = 0): number {
    const base = Math.min(this.options.pollMaxMs, this.options.pollMinMs * 1.3 ** Math.max(0, n));
    return Math.max(atLeast, Math.round(base * (0.9 + Math.random() * 0.2)));
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    const at = Date.now() + delay;
    if (this.timer && this.wakeAt <= at) return;
    clearTimeout(this.timer);
    this.wakeAt = at;
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref?.();
  }

  private track(work: Promise<void>): void {
    const p = work
      .catch((error: unknown) => console.error("[worker]", error))
      .finally(() => {
        this.inflight.delete(p);
        this.kick();
      });
    this.inflight.add(p);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.wakeAt = Infinity;
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    let delay = IDLE_MS;
    try {
      const now = Date.now();
      this.lastTickAt = now;
      for (const job of await claimQueued(this.options.submitConcurrency - this.submitting, now)) {
        this.track(this.submit(job));
      }
      for (const job of await duePolls(now, 16, [...this.polling])) {
        this.track(this.poll(job));
      }
      for (const job of await claimCopies(COPY_CONCURRENCY - this.copying, now)) {
        this.track(this.copy(job));
      }
      const due = await nextDueAt();
      if (due !== undefined) delay = Math.min(IDLE_MS, Math.max(MIN_TICK_MS, due - Date.now()));
    } catch (error) {
      console.error("[worker] tick failed", error);
    } finally {
      this.ticking = false;
    }
    this.schedule(delay);
  }

  private async submit(job: Job): Promise<void> {
    this.submitting += 1;
    try {
      let input;
      try {
        input = await submitInputFor(job);
      } catch (error) {
        await updateJob(job.id, { status: "failed", error: (error as Error).message, finishedAt: Date.now() });
        await release([job.id]);
        return;
      }
      const outcome = await this.client.submit(input);
      const now = Date.now();
      if (outcome.ok) {
        await markCharged(job.id);
        await updateJob(job.id, {
          upstreamId: outcome.task.id,
          submittedAt: now,
          error: null,
          ...this.apply(job, outcome.task, now),
        });
      } else if (outcome.kind === "rate_limited" || outcome.kind === "unreachable") {
        // Nothing was created upstream, so sending again later cannot double-charge.
        const giveUp = job.submitAttempts >= MAX_SUBMIT_ATTEMPTS;
        if (giveUp) await release([job.id]);
        await updateJob(
          job.id,
          giveUp
            ? {
                status: "failed",
                error: `${outcome.message} Gave up after ${job.submitAttempts} tries; WaveSpeed created no task, so nothing was charged.`,
                finishedAt: now,
              }
            : {
                status: "queued",
                error: `Waiting to retry: ${outcome.message}`,
                nextPollAt: now + this.interval(job.submitAttempts, outcome.kind === "rate_limited" ? outcome.retryAfterMs : 0),
              },
        );
      } else if (outcome.kind === "rejected") {
        await updateJob(job.id, { status: "failed", error: outcome.message, finishedAt: now, nextPollAt: null });
        await release([job.id]);
      } else {
        // WaveSpeed may have created (and will charge) the task: count it.
        await markCharged(job.id);
        await updateJob(job.id, {
          status: "unknown",
          error: `${outcome.message} It was not resent, to avoid paying twice.`,
          finishedAt: now,
          nextPollAt: null,
        });
      }
    } finally {
      this.submitting -= 1;
    }
  }

  private async poll(job: Job): Promise<void> {
    if (!job.upstreamId) return;
    this.polling.add(job.id);
    try {
      const outcome = await this.client.result(job.upstreamId);
      const now = Date.now();
      const pollCount = job.pollCount + 1;
      if (outcome.ok) {
        const patch = this.apply({ ...job, pollCount }, outcome.task, now);
        await updateJob(job.id, { pollCount, ...patch });
        if (patch.status === "failed") await markFailed(job.id);
      } else if (outcome.retryable) {
        const failures = job.pollFailures + 1;
        await updateJob(job.id, { pollCount, pollFailures: failures, nextPollAt: now + this.interval(failures, outcome.retryAfterMs) });
      } else {
        await updateJob(job.id, { pollCount, status: "failed", error: outcome.message, finishedAt: now, nextPollAt: null });
        await markFailed(job.id);
      }
    } finally {
      this.polling.delete(job.id);
    }
  }

  /** Keeps Keyframe's own copy of the output; retried with backoff, the upstream URL serving meanwhile. */
  private async copy(job: Job): Promise<void> {
    this.copying += 1;
    try {
      const url = job.outputs[0];
      let patch: Partial<NewJob>;
      try {
        if (!url) throw new CopyError("WaveSpeed returned no output to keep.", true);
        const copied = await copyOutput(job.id, url, this.options.copyTimeoutMs ?? 120_000);
        patch = { copyStatus: "done", copyError: null, copiedAt: Date.now(), nextCopyAt: null, ...copied };
      } catch (error) {
        const message = error instanceof CopyError ? error.message : `Could not save the video: ${(error as Error).message}`;
        const giveUp = (error instanceof CopyError && error.permanent) || job.copyAttempts >= MAX_COPY_ATTEMPTS;
        const wait = Math.min(COPY_BACKOFF_CAP_MS, (this.options.copyRetryMs ?? 2000) * 2 ** Math.max(0, job.copyAttempts - 1));
        patch = giveUp
          ? { copyStatus: "failed", copyError: message, nextCopyAt: null }
          : { copyStatus: "pending", copyError: message, nextCopyAt: Date.now() + wait };
      }
      // Deleted while copying: the delete may have run before these files existed, so remove them here.
      if (!(await updateJob(job.id, patch))) await removeJobOutputs(job.id);
    } finally {
      this.copying -= 1;
    }
  }

  /** The row changes an upstream task state implies. */
  private apply(job: Job, task: Task, now: number): Partial<NewJob> {
    const next = now + this.interval(job.pollCount);
    switch (task.status) {
      case "created":
        return { status: "submitted", nextPollAt: next };
      case "processing":
        return { status: "processing", processingAt: job.processingAt ?? now, nextPollAt: next };
      case "completed":
        if (task.outputs.length === 0)
          return { status: "failed", error: "WaveSpeed reported completion without an output.", finishedAt: now, nextPollAt: null };
        return {
          status: "completed",
          outputs: task.outputs,
          nsfw: task.nsfw,
          finishedAt: now,
          nextPollAt: null,
          error: null,
          copyStatus: "pending",
          nextCopyAt: now,
        };
      case "failed":
      case "cancelled":
      case "timeout":
        return { status: "failed", error: task.error ?? `WaveSpeed reported the task ${task.status}.`, finishedAt: now, nextPollAt: null };
      default:
        if (now - (job.submittedAt ?? now) > UNKNOWN_STATUS_GIVE_UP_MS) {
          return {
            status: "failed",
            error: `WaveSpeed kept reporting an unknown status "${task.status}".`,
            finishedAt: now,
            nextPollAt: null,
          };
        }
        return { nextPollAt: next };
    }
  }
}

const registry = globalThis as typeof globalThis & { __keyframeWorker?: JobWorker };

export function setWorker(worker: JobWorker | undefined): void {
  registry.__keyframeWorker = worker;
}

export function getWorker(): JobWorker | undefined {
  return registry.__keyframeWorker;
}

export function kickWorker(): void {
  registry.__keyframeWorker?.kick();
}
