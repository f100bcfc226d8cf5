import type { HookDelivery } from "@/lib/db/schema";
import type { Attempt } from "./post";

/** Waits after each failed try: 10 s, 1 min, 5 min, 30 min, 2 h, 6 h, 12 h; the 8th failure gives up (about 21 h in all). */
export const HOOK_RETRY_DELAYS_MS = [10_000, 60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000];
export const HOOK_MAX_ATTEMPTS = HOOK_RETRY_DELAYS_MS.length + 1;
/** Up to this share is added at random to each wait, so receivers coming back are not hit all at once. */
export const HOOK_JITTER = 0.2;

export type RetryPolicy = { delaysMs: number[]; maxAttempts: number };
export const DEFAULT_POLICY: RetryPolicy = { delaysMs: HOOK_RETRY_DELAYS_MS, maxAttempts: HOOK_MAX_ATTEMPTS };

export function retryDelay(attempts: number, delaysMs: number[], random = Math.random): number {
  const base = delaysMs[Math.min(Math.max(attempts, 1), delaysMs.length) - 1] ?? 0;
  return Math.round(base * (1 + HOOK_JITTER * random()));
}

/**
 * The delivery's row after its `attempts`-th try: delivered, due again after a wait, or given up after the
 * last try (or after its only one: a test or a redelivery is tried once).
 */
export function afterAttempt(
  attempts: number,
  attempt: Attempt,
  now: number,
  { policy = DEFAULT_POLICY, once = false }: { policy?: RetryPolicy; once?: boolean } = {},
): Partial<HookDelivery> {
  const seen = { responseStatus: attempt.status, error: attempt.error };
  if (attempt.ok) return { ...seen, status: "delivered", deliveredAt: now, nextAttemptAt: null };
  if (once || attempts >= policy.maxAttempts) return { ...seen, status: "failed", nextAttemptAt: null };
  return { ...seen, status: "pending", nextAttemptAt: now + retryDelay(attempts, policy.delaysMs) };
}
