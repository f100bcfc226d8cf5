import "server-only";
import { claimNotify, releaseNotify, reviewEvents, type ReviewEvent } from "@/lib/db/queries/review-notify";
import { batchMessage } from "./message";
import { SLACK_CHANNEL, slackUrl } from "./settings";
import { postSlack } from "./slack";

export type NotifierOptions = {
  instanceId: string;
  /** A batch goes out once its oldest news is this old (default 3 minutes), or when it is full. */
  batchMs?: number;
  tickMs?: number;
  leaseMs?: number;
  origin?: string;
};

/** The most a batch carries; more waits for the next (a batch cut inside one millisecond carries that whole millisecond). */
export const MAX_BATCH = 50;
/** How long a write may take to land: only older news is read, so none appears later behind the cursor. */
export const SETTLE_MS = 5_000;

/**
 * The next batch after `cursor`: news up to `until`, oldest first, at most MAX_BATCH, cut only between two
 * milliseconds so moving the cursor to its last `at` skips nothing. `full`: more is waiting.
 */
async function nextBatch(cursor: number, until: number): Promise<{ events: ReviewEvent[]; full: boolean }> {
  const events = await reviewEvents(cursor, until, MAX_BATCH + 1);
  if (events.length <= MAX_BATCH) return { events, full: events.length === MAX_BATCH };
  const last = events[MAX_BATCH - 1]!.at;
  if (events[MAX_BATCH]!.at !== last) return { events: events.slice(0, MAX_BATCH), full: true };
  const before = events.filter((e) => e.at < last);
  return { events: before.length > 0 ? before : await reviewEvents(last - 1, last, 10 * MAX_BATCH), full: true };
}

/**
 * Sends reviewers' comments and decisions to the team's Slack-compatible webhook in batches. Whoever holds the
 * channel's lease in the database sends; the cursor moves only after a 2xx, so each batch goes out once (an
 * instance that dies mid-send leaves the lease to run out and the batch to be sent again: at least once).
 */
export class ReviewNotifier {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private ticking: Promise<void> = Promise.resolve();

  constructor(private readonly options: NotifierOptions) {}

  start(): void {
    this.schedule(this.options.tickMs ?? 30_000);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick().then(() => this.schedule(this.options.tickMs ?? 30_000));
    }, delay);
    this.timer.unref?.();
  }

  /** One look: sends a batch if one is due. Answers whether one went out. */
  async tick(now = Date.now()): Promise<boolean> {
    try {
      const url = await slackUrl();
      if (!url) return false;
      const owner = this.options.instanceId;
      const cursor = await claimNotify({ channel: SLACK_CHANNEL, owner, now, ms: this.options.leaseMs ?? 60_000 });
      if (cursor === null) return false;
      const { events, full } = await nextBatch(cursor, now - SETTLE_MS);
      const due = full || (events[0] !== undefined && now - events[0].at >= (this.options.batchMs ?? 180_000));
      if (!due) {
        await releaseNotify(SLACK_CHANNEL, owner, {});
        return false;
      }
      const sent = await postSlack(url, await batchMessage(events, this.options.origin));
      await releaseNotify(SLACK_CHANNEL, owner, sent.ok ? { cursor: events.at(-1)!.at, sentAt: now, error: null } : { error: sent.error });
      return sent.ok;
    } catch (error) {
      console.error("[review-notify] tick failed", error);
      return false;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
  }
}

const registry = globalThis as typeof globalThis & { __keyframeReviewNotifier?: ReviewNotifier };
export const getReviewNotifier = () => registry.__keyframeReviewNotifier;
export const setReviewNotifier = (n: ReviewNotifier | undefined) => {
  registry.__keyframeReviewNotifier = n;
};
