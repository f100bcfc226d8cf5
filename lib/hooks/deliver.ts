import "server-only";
import { getHook } from "@/lib/db/queries/hooks";
import {
  claimDelivery,
  finishDelivery,
  finishedForHooks,
  getDelivery,
  insertDeliveries,
  takeEvent,
  type DeliveryLease,
} from "@/lib/db/queries/hook-deliveries";
import type { HookDelivery } from "@/lib/db/schema";
import { publicOrigin } from "@/lib/http/origin";
import { newId } from "@/lib/jobs/ids";
import { hookBody, hookTake } from "./payload";
import { postDelivery } from "./post";
import { afterAttempt, type RetryPolicy } from "./schedule";

/** Keyframe's public address for the links in a body: PUBLIC_URL, else http://localhost:PORT. */
export const hookOrigin = () => publicOrigin(new Headers());

/**
 * The one place take events are written: each take that reached its final state since `since` gets one
 * delivery per hook of its member, due now (`full`: there may be more). Run by every instance's delivery loop; the unique index on
 * (hook, take, event) keeps it to one however many instances (or sweeps) see the same take.
 */
export async function enqueueFinished(since: number, now = Date.now(), limit = 200): Promise<{ written: HookDelivery[]; full: boolean }> {
  const found = await finishedForHooks(since, limit);
  const origin = hookOrigin();
  const rows = found.map(({ hook, job }): HookDelivery => {
    const id = newId();
    const event = takeEvent(job.status);
    return {
      id,
      hookId: hook.id,
      jobId: job.id,
      event,
      body: hookBody(event, id, now, hookTake(job, origin)),
      status: "pending",
      attempts: 0,
      nextAttemptAt: now,
      responseStatus: null,
      error: null,
      leaseOwner: null,
      leaseUntil: null,
      createdAt: now,
      deliveredAt: null,
    };
  });
  return { written: await insertDeliveries(rows), full: found.length >= limit };
}

export type SendOptions = { owner: string; timeoutMs?: number; policy?: RetryPolicy; once?: boolean };

/** One try of a delivery this instance holds, its outcome written; the row as it now stands. */
export async function sendClaimed(delivery: HookDelivery, options: SendOptions): Promise<HookDelivery | undefined> {
  const hook = await getHook(delivery.hookId);
  if (!hook) return undefined;
  const attempt = await postDelivery(hook, delivery, options.timeoutMs);
  const patch = afterAttempt(delivery.attempts, attempt, Date.now(), options);
  await finishDelivery(delivery.id, options.owner, patch);
  return getDelivery(delivery.id);
}

/** Claims one delivery and tries it at once (a test, a redelivery); undefined when another instance holds it. */
export async function sendNow(id: string, lease: DeliveryLease, options: SendOptions, reset = false): Promise<HookDelivery | undefined> {
  const claimed = await claimDelivery(id, lease, reset);
  return claimed ? sendClaimed(claimed, options) : undefined;
}
