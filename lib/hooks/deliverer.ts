import "server-only";
import { claimDeliveries, pruneDeliveries, releaseDeliveries } from "@/lib/db/queries/hook-deliveries";
import { enqueueFinished, sendClaimed } from "./deliver";
import { HOOK_TIMEOUT_MS } from "./post";
import { DEFAULT_POLICY, type RetryPolicy } from "./schedule";

export type DelivererOptions = {
  instanceId: string;
  /** Between looks at the database while idle (default 1 s). */
  tickMs?: number;
  /** Longer than a try's timeout, so a live sender never loses a delivery to another instance (default 30 s). */
  leaseMs?: number;
  timeoutMs?: number;
  concurrency?: number;
  policy?: RetryPolicy;
};

/** At start an instance looks back this far for takes that finished while no instance was running. */
const LOOKBACK_MS = 24 * 60 * 60 * 1000;
/** Each later look overlaps the one before by this much: a write stamped just before a look may commit after it. */
const OVERLAP_MS = 60_000;
/** The delivery log keeps 30 days; each instance prunes it once an hour. */
const KEEP_MS = 30 * 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * One per server process, beside the job worker; several may share a database. Each tick writes the
 * deliveries of takes that just finished, then claims due ones under a lease in the database (so two
 * instances never send the same one at once) and POSTs them, retrying with backoff.
 */
export class HookDeliverer {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private ticking: Promise<void> = Promise.resolve();
  private readonly running = new Set<Promise<unknown>>();
  private since: number;
  private prunedAt = 0;

  constructor(private readonly options: DelivererOptions) {
    this.since = Date.now() - LOOKBACK_MS;
  }

  start(): void {
    this.schedule(0);
  }

  kick(): void {
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.ticking = this.tick()), delay);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    const now = Date.now();
    try {
      // While a look finds a full page, the next one starts from the same point.
      if (!(await enqueueFinished(this.since, now)).full) this.since = now - OVERLAP_MS;
      if (now - this.prunedAt > PRUNE_EVERY_MS) {
        this.prunedAt = now;
        await pruneDeliveries(now - KEEP_MS);
      }
      const room = (this.options.concurrency ?? 4) - this.running.size;
      const lease = { owner: this.options.instanceId, now, ms: this.options.leaseMs ?? 30_000 };
      for (const delivery of this.stopped ? [] : await claimDeliveries(lease, room)) {
        const sent = sendClaimed(delivery, {
          owner: lease.owner,
          timeoutMs: this.options.timeoutMs ?? HOOK_TIMEOUT_MS,
          policy: this.options.policy ?? DEFAULT_POLICY,
        })
          .catch((error: unknown) => console.error(`[hooks] delivery ${delivery.id}`, error))
          .finally(() => {
            this.running.delete(sent);
            this.kick();
          });
        this.running.add(sent);
      }
    } catch (error) {
      console.error("[hooks] tick failed", error);
    }
    this.schedule(this.options.tickMs ?? 1000);
  }

  /** Stops claiming, lets tries on the wire finish (each ends within its timeout), and frees anything still held. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
    await Promise.allSettled([...this.running]);
    await releaseDeliveries(this.options.instanceId);
  }
}

const registry = globalThis as typeof globalThis & { __keyframeHooks?: HookDeliverer };

export function setHookDeliverer(deliverer: HookDeliverer | undefined): void {
  registry.__keyframeHooks = deliverer;
}

export function getHookDeliverer(): HookDeliverer | undefined {
  return registry.__keyframeHooks;
}
