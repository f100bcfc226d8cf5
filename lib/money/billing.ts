import "server-only";
import { applyCharges, billingDue, giveMoneyLease, saveBillingItems, takeMoneyLease, wantPull } from "@/lib/db/queries/billing";
import { billingEntries } from "@/lib/wavespeed/books";
import type { WaveSpeedClient } from "@/lib/wavespeed/client";

const LEASE = "billing";
const LEASE_MS = 120_000;
/** WaveSpeed keeps 7 days; a first pull reaches that far back. */
const FIRST_MS = 7 * 24 * 3600 * 1000;
/** Items are asked for again over this much before the last pull (a charge written late is still seen). */
const OVERLAP_MS = 60 * 60_000;

export type PullOptions = {
  owner: string;
  /** The least time between two pulls when jobs have ended (default a minute). */
  everyMs?: number;
  /** A pull at least this often anyway, for use of the key outside Keyframe (default 30 min). */
  idleMs?: number;
};
export type PullResult = { pulled: number; applied: number } | "busy" | "not_due";

/**
 * Pulls WaveSpeed's billing items (deducts and refunds) and writes each job's charge and refund on its ledger
 * row. Under a lease in the database: one instance pulls at a time, and items are kept once by their uuid, so
 * nothing is ever counted twice. `force`: an admin asked.
 */
export async function pullBilling(client: WaveSpeedClient, o: PullOptions, force = false, now = Date.now()): Promise<PullResult> {
  const lease = await takeMoneyLease(LEASE, o.owner, now, LEASE_MS);
  if (!lease) return "busy";
  const doneAt = lease.doneAt ?? 0;
  const wanted = force || (lease.wantedAt !== null && lease.wantedAt > doneAt);
  const since = now - doneAt;
  const due = wanted || since >= (o.idleMs ?? 30 * 60_000) || (since >= (o.everyMs ?? 60_000) && (await billingDue(doneAt, now)));
  if (!due) {
    await giveMoneyLease(LEASE, o.owner);
    return "not_due";
  }
  try {
    const from = lease.doneAt === null ? now - FIRST_MS : Math.max(now - FIRST_MS, doneAt - OVERLAP_MS);
    const items = await billingEntries(client, { from, to: now + 60_000 });
    await saveBillingItems(items, now);
    const applied = await applyCharges(
      items.flatMap((i) => (i.taskId ? [i.taskId] : [])),
      now,
    );
    await giveMoneyLease(LEASE, o.owner, now);
    return { pulled: items.length, applied };
  } catch (error) {
    await giveMoneyLease(LEASE, o.owner);
    throw error;
  }
}

/** An admin's demand: pulled now if no other instance is pulling, else on its next tick. */
export async function pullNow(client: WaveSpeedClient, owner: string): Promise<PullResult> {
  const now = Date.now();
  await wantPull(LEASE, now);
  return pullBilling(client, { owner }, true, now);
}
