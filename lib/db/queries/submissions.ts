import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb } from "../client";

const MINUTE = 60_000;
/** How long an idempotency key answers its first request (a batch's key too). */
export const KEEP_KEYS_MS = 24 * 60 * 60 * 1000;

/**
 * A batch's row claims its key with a request hash starting so: the batch itself counted once under the
 * limit, so its rows neither wait for it nor use it up (the hash is the server's, never a caller's).
 */
export const ROW_CLAIM = "row:";

export type Claim =
  { kind: "new" } | { kind: "replay"; batchId: string; requestHash: string | null } | { kind: "limited"; retryAfterMs: number };

/**
 * Records one form submission under its idempotency key, if the member is under their submits-per-minute
 * limit, atomically (under the member's lock on PostgreSQL). The same key again is a replay of the first.
 */
export async function claimSubmission(
  userId: string,
  key: string,
  batchId: string,
  requestHash: string,
  perMinute: number | null,
): Promise<Claim> {
  const backend = await getDb();
  const now = Date.now();
  return backend.exclusive(`submit:${userId}`, async ({ db, t, run }) => {
    await db.delete(t.idempotencyKeys).where(lt(t.idempotencyKeys.createdAt, now - KEEP_KEYS_MS));
    const recent = sql`(select count(*) from ${t.idempotencyKeys} where user_id = ${userId} and created_at > cast(${now - MINUTE} as bigint) and coalesce(request_hash, '') not like ${`${ROW_CLAIM}%`})`;
    const limit = perMinute === null ? sql`1 = 1` : sql`${recent} < cast(${perMinute} as bigint)`;
    const inserted = await run(sql`
      insert into ${t.idempotencyKeys} (user_id, key, batch_id, request_hash, created_at)
      select cast(${userId} as text), cast(${key} as text), cast(${batchId} as text), cast(${requestHash} as text), cast(${now} as bigint)
      where ${limit}
      on conflict do nothing`);
    if (inserted === 1) return { kind: "new" };

    const [existing] = await db
      .select()
      .from(t.idempotencyKeys)
      .where(and(eq(t.idempotencyKeys.userId, userId), eq(t.idempotencyKeys.key, key)));
    if (existing) return { kind: "replay", batchId: existing.batchId, requestHash: existing.requestHash };

    const [oldest] = await db
      .select({ at: sql<number>`min(${t.idempotencyKeys.createdAt})` })
      .from(t.idempotencyKeys)
      .where(
        and(
          eq(t.idempotencyKeys.userId, userId),
          sql`${t.idempotencyKeys.createdAt} > ${now - MINUTE} and coalesce(${t.idempotencyKeys.requestHash}, '') not like ${`${ROW_CLAIM}%`}`,
        ),
      );
    return { kind: "limited", retryAfterMs: Number(oldest?.at ?? now) + MINUTE - now };
  });
}

/** Frees a key whose submission did not go through (refused by a cap, or failed), so it does not count. */
export async function dropSubmission(userId: string, key: string): Promise<void> {
  const { db, t } = await getDb();
  await db.delete(t.idempotencyKeys).where(and(eq(t.idempotencyKeys.userId, userId), eq(t.idempotencyKeys.key, key)));
}
