import "server-only";
import { getJob } from "@/lib/db/queries/jobs";
import {
  claimCopies,
  claimPolls,
  claimQueued,
  expireLeases,
  finishLeased,
  nextDueAt,
  recoverAtStart,
  releaseLeases,
  renewLeases,
  type Lease,
} from "@/lib/db/queries/work";
import type { Job } from "@/lib/db/schema";
import { markCharged, markFailed } from "@/lib/team/spend";
import { settleTick } from "@/lib/money/settle";
import type { WaveSpeedClient } from "@/lib/wavespeed/client";
import { copyStep } from "./copy-step";
import { jobLife, lifeStep } from "./life";
import { removeJobOutputs } from "./outputs";
import { PollSchedule } from "./schedule";
import { keyStillRefused, refuse, sendJob } from "./send";
import { forgetUploadsOf, MEDIA_ACCESS_FAILED } from "./uploads";

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
  /** While WaveSpeed refuses the key: how often the balance is asked to learn it is accepted again (default a minute). */
  keyCheckMs?: number;
  /** A lost submit with no task in WaveSpeed's history this long after: none was made (default 3 min). */
  settleAfterMs?: number;
};

const IDLE_MS = 5000;
const MIN_TICK_MS = 250;
const POLL_CONCURRENCY = 16;
const COPY_CONCURRENCY = 2;
const KEY_CHECK_MS = 60_000;

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
  private keyCheckedAt = 0;
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
    const unknown = await recoverAtStart(Date.now(), lifeStep({ kind: "lease_expired_mid_submit" }, Date.now()).patch);
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
    await releaseLeases(this.options.instanceId, Date.now(), true);
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
      await markCharged(await expireLeases(lease.now, lifeStep({ kind: "lease_expired_mid_submit" }, lease.now).patch));
      // While WaveSpeed refuses the key nothing is sent or asked for: each request would only be refused again.
      const refused = await this.keyRefused(lease.now);
      if (!refused) await settleTick(this.client, lease, this.options.settleAfterMs);
      for (const job of refused ? [] : await claimQueued(lease, this.options.submitConcurrency - this.count("submit"))) {
        this.track(job, "submit", (signal) =>
          sendJob(job, signal, {
            client: this.client,
            polls: this.polls,
            owner: this.options.instanceId,
            webhookUrl: this.options.webhookUrl,
          }),
        );
      }
      if (!this.stopped && !refused) {
        for (const job of await claimPolls(lease, POLL_CONCURRENCY - this.count("poll"))) {
          this.track(job, "poll", (signal) => this.poll(job, signal));
        }
      }
      if (!this.stopped) {
        for (const job of await claimCopies(lease, COPY_CONCURRENCY - this.count("copy"))) {
          this.track(job, "copy", (signal) => this.copy(job, signal));
        }
      }
      // While refused, jobs stay due but are not claimed: look again at the idle pace, not four times a second.
      const due = refused ? undefined : await nextDueAt();
      if (due !== undefined) delay = Math.min(IDLE_MS, Math.max(MIN_TICK_MS, due - Date.now()));
    } catch (error) {
      console.error("[worker] tick failed", error);
    } finally {
      this.ticking = false;
    }
    this.schedule(this.again ? 0 : delay);
  }

  /** True while the key is refused; asks the balance once a keyCheckMs to learn it is accepted. */
  private async keyRefused(now: number): Promise<boolean> {
    const checkDue = now - this.keyCheckedAt >= (this.options.keyCheckMs ?? KEY_CHECK_MS);
    const refused = await keyStillRefused(this.client, checkDue);
    if (refused && checkDue) this.keyCheckedAt = now;
    return refused;
  }

  private async poll(job: Job, signal: AbortSignal): Promise<void> {
    if (!job.upstreamId) return;
    const outcome = await this.client.result(job.upstreamId, signal);
    if (signal.aborted) return;
    const now = Date.now();
    const nextPoll = outcome.ok ? await this.polls.next(job.duration, job.submittedAt ?? now, now) : now;
    const retry = (atLeastMs?: number) => this.polls.retry(job.pollFailures + 1, now, atLeastMs);
    const { patch, money, keyRefused } = jobLife(job, { kind: "result", outcome }, { now, nextPoll, retry });
    if (keyRefused) await refuse(keyRefused);
    if (outcome.ok && outcome.task.code === MEDIA_ACCESS_FAILED) await forgetUploadsOf(job, this.client.baseUrl);
    if ((await finishLeased(job.id, this.options.instanceId, patch, true)) && money === "failed") await markFailed(job.id);
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
