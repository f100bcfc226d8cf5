import "server-only";
import { getJob } from "@/lib/db/queries/jobs";
import {
  claimCopies,
  claimPolls,
  claimQueued,
  expireLeases,
  finishLeased,
  nextDueAt,
  recordSubmit,
  recoverAtStart,
  releaseLeases,
  renewLeases,
  type Lease,
} from "@/lib/db/queries/work";
import type { Job, NewJob } from "@/lib/db/schema";
import { markCharged, markFailed, release } from "@/lib/team/spend";
import type { WaveSpeedClient } from "@/lib/wavespeed/client";
import { copyStep } from "./copy-step";
import { removeJobOutputs } from "./outputs";
import { submitInputFor } from "./submit-input";
import { submitResult, unreadableInput, type SubmitResult } from "./submit-outcome";
import { PollSchedule } from "./schedule";
import { taskPatch } from "./transitions";

export type WorkerOptions = {
  /** This instance's name on the leases it takes. */
  instanceId: string;
  pollMinMs: number;
  pollMaxMs: number;
  /** How long a job is expected to take before the install has learned it (default: 45 s). */
  expectMs?: number;
  /** Where WaveSpeed should post finished tasks; polls then only catch deliveries that never come. */
  webhookUrl?: string;
  /** With a webhook: the least wait before a safety poll (default a minute). */
  webhookSafetyMs?: number;
  submitConcurrency: number;
  copyTimeoutMs?: number;
  copyRetryMs?: number;
  /** How long a lease lasts without renewal: a killed instance's jobs are taken over this long after. */
  leaseMs?: number;
};

const IDLE_MS = 5000;
const MIN_TICK_MS = 250;
const POLL_CONCURRENCY = 16;
const COPY_CONCURRENCY = 2;
export const INTERRUPTED_SUBMIT =
  "Keyframe stopped while sending this job, so WaveSpeed may or may not have created (and charged) it. It was not resent, to avoid paying twice: check your WaveSpeed dashboard.";

type Work = { id: string; kind: "submit" | "poll" | "copy"; abort: AbortController; done: Promise<void> };

/**
 * One per server process; several may share a database. Each sends queued jobs, polls unfinished ones and
 * keeps copies of finished videos, claiming every job under a lease it renews while working, so a job is
 * handled by one instance at a time and a killed instance's jobs are taken over once its leases run out.
 */
export class JobWorker {
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private wakeAt = Infinity;
  private ticking = false;
  private again = false;
  private current: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly work = new Map<string, Work>();
  private readonly leaseMs: number;
  private readonly polls: PollSchedule;
  lastTickAt = 0;

  constructor(
    private readonly client: WaveSpeedClient,
    private readonly options: WorkerOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 15_000;
    this.polls = new PollSchedule({
      pollMinMs: options.pollMinMs,
      pollMaxMs: options.pollMaxMs,
      expectMs: options.expectMs ?? 45_000,
      webhooks: Boolean(options.webhookUrl),
      safetyMs: options.webhookSafetyMs,
    });
  }

  async start(): Promise<void> {
    const unknown = await recoverAtStart(Date.now(), INTERRUPTED_SUBMIT);
    await markCharged(unknown);
    if (unknown.length) console.warn(`[worker] ${unknown.length} job(s) were mid-submit when Keyframe stopped; marked as outcome unknown`);
    this.heartbeat = setInterval(() => void this.renew(), Math.max(1000, this.leaseMs / 3));
    this.heartbeat.unref?.();
    this.schedule(0);
  }

  kick(): void {
    this.schedule(0);
  }

  get alive(): boolean {
    return !this.stopped && Date.now() - this.lastTickAt < IDLE_MS * 3;
  }

  get draining(): boolean {
    return this.stopped;
  }

  /**
   * Stops claiming; abandons polls, copies and uploads (nothing sent: requeued), their leases released at once;
   * waits up to `timeoutMs` for submits on the wire. One unanswered by then ends "outcome unknown", never resent.
   */
  async stop(timeoutMs = 25_000): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    // A tick under way may still be claiming: what it claims is handled like the rest.
    await this.current;
    for (const w of this.work.values()) w.abort.abort();
    await releaseLeases(this.options.instanceId, Date.now()); // polled and copying jobs: one mid-submit keeps its lease
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.work.values()].map((w) => w.done)), deadline]);
    clearTimeout(timer);
    clearInterval(this.heartbeat);
    await releaseLeases(this.options.instanceId, Date.now());
  }

  private lease(): Lease {
    return { owner: this.options.instanceId, now: Date.now(), ms: this.leaseMs };
  }

  private count(kind: Work["kind"]): number {
    return [...this.work.values()].filter((w) => w.kind === kind).length;
  }

  private async renew(): Promise<void> {
    const ids = [...new Set([...this.work.values()].map((w) => w.id))];
    await renewLeases(this.lease(), ids).catch((error: unknown) => console.error("[worker] lease renewal failed", error));
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

  private track(job: Job, kind: Work["kind"], run: (signal: AbortSignal) => Promise<void>): void {
    // By kind and id: a poll still running when a webhook finished the job and its copy was claimed is
    // another piece of work on the same job.
    const key = `${kind}:${job.id}`;
    const abort = new AbortController();
    const entry: Work = { id: job.id, kind, abort, done: Promise.resolve() };
    entry.done = run(abort.signal)
      .catch((error: unknown) => console.error(`[worker] ${kind} ${job.id}`, error))
      .finally(() => {
        if (this.work.get(key) === entry) this.work.delete(key);
        this.kick();
      });
    this.work.set(key, entry);
  }

  private tick(): Promise<void> {
    this.timer = undefined;
    this.wakeAt = Infinity;
    // A wake-up during a tick (a kick: work finished, a webhook came) runs another right after it.
    if (this.ticking) this.again = true;
    else if (!this.stopped) this.current = this.runTick();
    return this.current;
  }

  private async runTick(): Promise<void> {
    this.ticking = true;
    this.again = false;
    let delay = IDLE_MS;
    try {
      const lease = this.lease();
      this.lastTickAt = lease.now;
      await markCharged(await expireLeases(lease.now, INTERRUPTED_SUBMIT));
      for (const job of await claimQueued(lease, this.options.submitConcurrency - this.count("submit"))) {
        this.track(job, "submit", (signal) => this.submit(job, signal));
      }
      if (!this.stopped) {
        for (const job of await claimPolls(lease, POLL_CONCURRENCY - this.count("poll"))) {
          this.track(job, "poll", (signal) => this.poll(job, signal));
        }
      }
      if (!this.stopped) {
        for (const job of await claimCopies(lease, COPY_CONCURRENCY - this.count("copy"))) {
          this.track(job, "copy", (signal) => this.copy(job, signal));
        }
      }
      const due = await nextDueAt();
      if (due !== undefined) delay = Math.min(IDLE_MS, Math.max(MIN_TICK_MS, due - Date.now()));
    } catch (error) {
      console.error("[worker] tick failed", error);
    } finally {
      this.ticking = false;
    }
    this.schedule(this.again ? 0 : delay);
  }

  private async submit(job: Job, signal: AbortSignal): Promise<void> {
    const input = await submitInputFor(job, { client: this.client, abort: signal }).catch((error: unknown) => error as Error);
    const retry = (now: number) => (atLeastMs?: number) => this.polls.retry(job.submitAttempts, now, atLeastMs);
    // A drain cuts uploads short, never a submit on the wire: nothing was sent, so back in the queue at once.
    if (signal.aborted) return this.settle(job, { patch: { status: "queued", error: null, nextPollAt: Date.now() }, money: null });
    if (input instanceof Error) return this.settle(job, unreadableInput(job, input, Date.now(), retry(Date.now())));
    const outcome = await this.client.submit(input, { webhookUrl: this.options.webhookUrl });
    const now = Date.now();
    const firstPoll = outcome.ok ? await this.polls.first(job.duration, now) : now;
    await this.settle(job, submitResult(job, outcome, now, { firstPoll, retry: retry(now) }));
  }

  private async settle(job: Job, { patch, money }: SubmitResult): Promise<void> {
    if (money === "charge") await markCharged([job.id]);
    await recordSubmit(job.id, patch);
    if (money === "release") await release([job.id]);
  }

  private async poll(job: Job, signal: AbortSignal): Promise<void> {
    if (!job.upstreamId) return;
    const outcome = await this.client.result(job.upstreamId, signal);
    if (signal.aborted) return;
    const now = Date.now();
    const pollCount = job.pollCount + 1;
    let patch: Partial<NewJob>;
    if (outcome.ok) {
      const next = await this.polls.next(job.duration, job.submittedAt ?? now, now);
      patch = { pollCount, ...taskPatch(job, outcome.task, now, next) };
    } else if (outcome.retryable) {
      const failures = job.pollFailures + 1;
      patch = { pollCount, pollFailures: failures, nextPollAt: this.polls.retry(failures, now, outcome.retryAfterMs) };
    } else {
      patch = { pollCount, status: "failed", error: outcome.message, finishedAt: now, nextPollAt: null };
    }
    if ((await finishLeased(job.id, this.options.instanceId, patch, true)) && patch.status === "failed") await markFailed(job.id);
  }

  /** Keeps Keyframe's own copy of the output; retried with backoff, the upstream URL serving meanwhile. */
  private async copy(job: Job, signal: AbortSignal): Promise<void> {
    const patch = await copyStep(job, signal, {
      timeoutMs: this.options.copyTimeoutMs ?? 120_000,
      retryMs: this.options.copyRetryMs ?? 2000,
    });
    // Deleted while copying: the delete may have run before these objects existed, so remove them here.
    if (patch && !(await finishLeased(job.id, this.options.instanceId, patch)) && !(await getJob(job.id))) await removeJobOutputs(job.id);
  }
}
