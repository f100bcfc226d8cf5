import "server-only";
import { asc, sql } from "drizzle-orm";
import { getDb } from "../client";
import type { User } from "../schema";

export async function hasUsers(): Promise<boolean> {
  const { db, t } = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(t.user);
  return Number(row?.n ?? 0) > 0;
}

export async function listUsers(): Promise<User[]> {
  const { db, t } = await getDb();
  return db.select().from(t.user).orderBy(asc(t.user.createdAt));
}

export async function userNames(): Promise<Map<string, string>> {
  const { db, t } = await getDb();
  const rows = await db.select({ id: t.user.id, name: t.user.name }).from(t.user);
  return new Map(rows.map((r) => [r.id, r.name]));
}
