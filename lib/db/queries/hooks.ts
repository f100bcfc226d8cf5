import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import type { Hook } from "../schema";

export async function listHookRows(userId: string): Promise<Hook[]> {
  const { db, t } = await getDb();
  return db.select().from(t.hooks).where(eq(t.hooks.userId, userId)).orderBy(asc(t.hooks.createdAt), asc(t.hooks.id));
}

export async function getHook(id: string): Promise<Hook | undefined> {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.hooks).where(eq(t.hooks.id, id));
  return row;
}

/**
 * Adds a member's hook unless they have `max` already or one with the same URL: one statement under the
 * member's lock, so two requests at once cannot both pass the count. Answers what stopped it, if anything.
 */
export async function insertHook(row: Hook, max: number): Promise<"added" | "full" | "duplicate"> {
  const { exclusive } = await getDb();
  return exclusive(`hooks:${row.userId}`, async ({ db, t }) => {
    const mine = await db.select({ url: t.hooks.url }).from(t.hooks).where(eq(t.hooks.userId, row.userId));
    if (mine.some((h) => h.url === row.url)) return "duplicate";
    if (mine.length >= max) return "full";
    await db.insert(t.hooks).values(row);
    return "added";
  });
}

/** Removes a member's hook and its delivery log; false when they have no such hook. */
export async function deleteHook(id: string, userId: string): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db
    .delete(t.hooks)
    .where(and(eq(t.hooks.id, id), eq(t.hooks.userId, userId)))
    .returning({ id: t.hooks.id });
  if (rows.length === 0) return false;
  await db.delete(t.hookDeliveries).where(eq(t.hookDeliveries.hookId, id));
  return true;
}
