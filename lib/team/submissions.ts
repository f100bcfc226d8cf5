import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { idempotencyKeys } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

const MINUTE = 60_000;
const KEEP_KEYS_MS = 24 * 60 * 60 * 1000;

export type Claim = { kind: "new" } | { kind: "replay"; batchId: string };

/**
 * Records one form submission under its idempotency key, if the member is under their submits-per-minute
 * limit, in one atomic statement. The same key again is a replay of the first; over the limit is a 429.
 */
export async function claimSubmission(userId: string, key: string, batchId: string, perMinute: number): Promise<Claim> {
  const db = await getDb();
  const now = Date.now();
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, now - KEEP_KEYS_MS));
  const inserted = await db.run(sql`
    insert into ${idempotencyKeys} (user_id, key, batch_id, created_at)
    select ${userId}, ${key}, ${batchId}, ${now}
    where (select count(*) from ${idempotencyKeys} where user_id = ${userId} and created_at > ${now - MINUTE}) < ${perMinute}
    on conflict do nothing`);
  if (inserted.rowsAffected === 1) return { kind: "new" };

  const [existing] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  if (existing) return { kind: "replay", batchId: existing.batchId };

  const [oldest] = await db
    .select({ at: sql<number>`min(${idempotencyKeys.createdAt})` })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), sql`${idempotencyKeys.createdAt} > ${now - MINUTE}`));
  const wait = Math.max(1, Math.ceil((Number(oldest?.at ?? now) + MINUTE - now) / 1000));
  throw new AppError("rate_limited", `You can start ${perMinute} generations a minute; try again in ${wait} s.`, undefined, {
    "Retry-After": String(wait),
  });
}

/** Frees a key whose submission did not go through (refused by a cap, or failed), so it does not count. */
export async function dropSubmission(userId: string, key: string): Promise<void> {
  const db = await getDb();
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
}
