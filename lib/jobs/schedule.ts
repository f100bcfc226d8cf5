import "server-only";
import { recentRunTimes } from "@/lib/db/queries/jobs";
import { deliveryMarks } from "@/lib/db/queries/work";

export type ScheduleOptions = {
  /** The step between polls once a job is due (~2 s). */
  pollMinMs: number;
  /** The longest wait between polls (errors, or a job far past its time). */
  pollMaxMs: number;
  /** How long a job is expected to take before this install has finished any of that duration. */
  expectMs: number;
  /** Deliveries come by webhook: polls are only a slow safety net. */
  webhooks: boolean;
  /** With webhooks: the least time before a safety poll, and between them (default a minute). */
  safetyMs?: number;
};

const LEARN_FROM = 3;
/**
 * The first poll comes when this share of jobs of that duration has finished: later, jobs found done by it
 * wait longer for it; earlier, every job costs more polls (at ~2 s each after it).
 */
const EARLY = 0.25;
/** Runs of one duration enough to place its first poll by themselves. */
const OWN_RUNS = 10;
/** A job finished this long after the newest delivery was found by a poll: deliveries are not getting through. */
const DELIVERY_GRACE_MS = 5000;
const TRUST_TTL_MS = 15_000;
/**
 * How long a learned expectation is reused. Short: a line drawn through the first few runs of a batch
 * must give way to the rest as they finish (two queries per duration every few seconds cost nothing).
 */
const LEARN_TTL_MS = 5000;

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] ?? 0;
};
/**
 * How much earlier the first poll tries when most jobs were found done by it. Half: those runs say only
 * "done by then", anywhere earlier. A step too far costs one batch of takes a few extra polls each, and
 * their later-poll finds then place the first poll where they finished; a small step (it was 5%) kept
 * takes waiting almost the whole default for dozens of batches (4 s tasks waited 43 s after twenty ran).
 */
const STEP_BACK = 0.5;
const jitter = (ms: number) => Math.round(ms * (0.95 + Math.random() * 0.1));

/**
 * When to ask WaveSpeed about a job. Seedance jobs take a while, longer the longer the video, and
 * WaveSpeed asks for polls no faster than every few seconds; so the first poll comes when jobs of that
 * duration usually finish here (the fastest quarter of this install's recent ones; with few of them, a
 * line through recent jobs of every duration, or those few; a default before there are any), then every ~2 s until
 * done, slowing after twice the usual time and on errors. With webhooks, polling only catches a delivery
 * that never came.
 */
export class PollSchedule {
  private readonly learned = new Map<number, { at: number; early: number; late: number } | null>();

  private trust: { at: number; value: boolean } | undefined;

  constructor(private readonly options: ScheduleOptions) {}

  /**
   * Whether to wait for webhooks: they are configured, and the newest job WaveSpeed finished was not found
   * by a poll after deliveries stopped (an address WaveSpeed cannot reach, a blocked port). When they
   * stop arriving, jobs are polled as usual until one arrives again.
   */
  private async webhooks(): Promise<boolean> {
    if (!this.options.webhooks) return false;
    if (this.trust && Date.now() - this.trust.at < TRUST_TTL_MS) return this.trust.value;
    const { delivered, finished } = await deliveryMarks();
    const value = finished === null || (delivered !== null && delivered + DELIVERY_GRACE_MS >= finished);
    this.trust = { at: Date.now(), value };
    return value;
  }

  private get safety(): number {
    return this.options.safetyMs ?? 60_000;
  }

  private async expected(duration: number): Promise<{ early: number; late: number }> {
    const cached = this.learned.get(duration);
    if (cached && Date.now() - cached.at < LEARN_TTL_MS) return cached;
    // A duration's own runs once there are plenty; before that the line through every duration's runs,
    // whose spread is measured on all of them (a quartile of three runs is just the fastest one).
    const runs = this.finishEstimates(await recentRunTimes(duration));
    const guess =
      runs.length >= OWN_RUNS
        ? await this.observed(duration, runs)
        : ((await this.extrapolated(duration)) ?? (runs.length >= LEARN_FROM ? await this.observed(duration, runs) : null));
    const learned = { at: Date.now(), ...(guess ?? { early: this.options.expectMs, late: this.options.expectMs }) };
    this.learned.set(duration, learned);
    return learned;
  }

  /**
   * When each run most likely finished. A job found done by a later poll finished since the one before it,
   * a poll step earlier at most: the middle of that step, not the poll, or every expectation (and the line's
   * intercept most) comes out a second late. A first-poll find stays an upper bound; a delivered one is exact.
   */
  private finishEstimates<R extends { ms: number; polls: number }>(runs: R[]): R[] {
    return runs.map((r) => (r.polls >= 2 ? { ...r, ms: r.ms - this.options.pollMinMs / 2 } : r));
  }

  /** Enough jobs of this duration: when they usually finished. */
  private async observed(duration: number, runs: { ms: number; firstPoll: boolean }[]): Promise<{ early: number; late: number }> {
    const times = runs.map((r) => r.ms);
    const early = quantile(times, EARLY);
    const late = quantile(times, 0.9);
    // Most were found done by their first poll: they may finish well before it, and what it saw cannot show
    // that, so the first poll would never move earlier. Try halfway there (or where the other durations'
    // line says); the takes polled there show whether they were done.
    if (runs.filter((r) => r.firstPoll).length * 2 <= runs.length) return { early, late };
    const line = await this.extrapolated(duration);
    return { early: Math.min(early * STEP_BACK, line?.early ?? Infinity), late };
  }

  /**
   * Too few jobs of this duration yet: a line through recent jobs of every duration (time = a + b × seconds,
   * least squares), scaled by how far above or below the line they came in. Needs two durations.
   */
  private async extrapolated(duration: number): Promise<{ early: number; late: number } | null> {
    // Only jobs seen within a poll step of finishing: a first-poll find says only "done by then".
    const runs = this.finishEstimates(await recentRunTimes(undefined, 60)).filter((r) => !r.firstPoll);
    if (runs.length < LEARN_FROM || new Set(runs.map((r) => r.duration)).size < 2) return null;
    const n = runs.length;
    const mx = runs.reduce((s, r) => s + r.duration, 0) / n;
    const my = runs.reduce((s, r) => s + r.ms, 0) / n;
    const b = runs.reduce((s, r) => s + (r.duration - mx) * (r.ms - my), 0) / runs.reduce((s, r) => s + (r.duration - mx) ** 2, 0);
    const line = (d: number) => my + b * (d - mx);
    if (!(b > 0) || runs.some((r) => line(r.duration) <= 0) || line(duration) <= 0) return null;
    const ratios = runs.map((r) => r.ms / line(r.duration));
    return { early: line(duration) * quantile(ratios, EARLY), late: line(duration) * quantile(ratios, 0.9) };
  }

  /** The first poll after WaveSpeed accepted a job of `duration` seconds at `submittedAt`. */
  async first(duration: number, submittedAt: number): Promise<number> {
    const { early, late } = await this.expected(duration);
    if (await this.webhooks()) return submittedAt + Math.max(2 * late, late + this.safety);
    return submittedAt + jitter(Math.max(this.options.pollMinMs, early));
  }

  /** The poll after one that found the job unfinished. */
  async next(duration: number, submittedAt: number, now: number): Promise<number> {
    if (await this.webhooks()) return now + Math.max(this.options.pollMaxMs, this.safety);
    const { late } = await this.expected(duration);
    const overdue = now - submittedAt - 2 * Math.max(late, this.options.expectMs);
    const step =
      overdue <= 0 ? this.options.pollMinMs : Math.min(this.options.pollMaxMs, this.options.pollMinMs * 1.3 ** (overdue / 10_000));
    return now + jitter(step);
  }

  /** After a failed poll or a refused submit: back off, at least as long as WaveSpeed asked. */
  retry(failures: number, now: number, atLeastMs = 0): number {
    const base = Math.min(this.options.pollMaxMs, this.options.pollMinMs * 1.3 ** Math.max(0, failures));
    return now + Math.max(atLeastMs, jitter(base));
  }
}
