import type { NewJob } from "../schema";

/** Columns a viewer never sees: bookkeeping for polls, retries and leases. */
const BOOKKEEPING = new Set<keyof NewJob>([
  "updatedAt",
  "nextPollAt",
  "submitAttempts",
  "pollCount",
  "pollFailures",
  "leaseOwner",
  "leaseUntil",
  "nextCopyAt",
  "copyAttempts",
  "fingerprint",
  "changedAt",
]);

/**
 * A job patch with updatedAt, and changedAt when it touches anything a viewer sees: galleries ask for what
 * changed since a time, and an unchanged poll answers 304, however busy the worker's bookkeeping is.
 */
export function stamped<T extends object>(patch: T, now = Date.now()): T & { updatedAt: number; changedAt?: number } {
  const visible = Object.keys(patch).some((k) => !BOOKKEEPING.has(k as keyof NewJob));
  return { ...patch, updatedAt: now, ...(visible ? { changedAt: now } : {}) };
}
