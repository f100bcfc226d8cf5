import "server-only";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { getDb } from "../client";

/**
 * Counts a hit on `key` in a fixed window of `windowMs`, in one atomic upsert: parallel requests each
 * get their own count. `weight`: how many it counts as (a request doing several things counts each).
 * Answers the count including this hit and when the window started.
 */
export async function hit(key: string, windowMs: number, weight = 1, now = Date.now()): Promise<{ count: number; windowStart: number }> {
  const { db, t } = await getDb();
  const stale = sql`${t.rateLimits.windowStart} <= ${now - windowMs}`;
  const [row] = await db
    .insert(t.rateLimits)
    .values({ key, count: weight, windowStart: now })
    .onConflictDoUpdate({
      target: t.rateLimits.key,
      set: {
        count: sql`case when ${stale} then cast(${weight} as integer) else ${t.rateLimits.count} + cast(${weight} as integer) end`,
        windowStart: sql`case when ${stale} then cast(${now} as bigint) else ${t.rateLimits.windowStart} end`,
      },
    })
    .returning({ count: t.rateLimits.count, windowStart: t.rateLimits.windowStart });
  return { count: Number(row?.count ?? weight), windowStart: Number(row?.windowStart ?? now) };
}

/** Takes one hit back (an attempt that turned out fine should not count against its address). */
export async function unhit(key: string): Promise<void> {
  const { db, t } = await getDb();
  await db
    .update(t.rateLimits)
    .set({ count: sql`${t.rateLimits.count} - 1` })
    .where(and(eq(t.rateLimits.key, key), gt(t.rateLimits.count, 0)));
}

export async function clearHits(key: string): Promise<void> {
  const { db, t } = await getDb();
  await db.delete(t.rateLimits).where(eq(t.rateLimits.key, key));
}

/** Forgets windows that ended long ago. */
export async function pruneHits(before: number): Promise<void> {
  const { db, t } = await getDb();
  await db.delete(t.rateLimits).where(lt(t.rateLimits.windowStart, before));
}
