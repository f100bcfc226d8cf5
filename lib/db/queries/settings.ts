import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Backend } from "../client";

export async function getSetting(key: string): Promise<unknown> {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.settings).where(eq(t.settings.key, key));
  return row?.value;
}

export async function putSetting(key: string, value: unknown): Promise<void> {
  const { db, t } = await getDb();
  const now = Date.now();
  await db
    .insert(t.settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: t.settings.key, set: { value, updatedAt: now } });
}

/** Stores `value` under `key` unless something is there already; answers what is stored (one winner across instances). */
export async function settingOnce<T>(key: string, value: T): Promise<T> {
  const { db, t } = await getDb();
  await db.insert(t.settings).values({ key, value, updatedAt: Date.now() }).onConflictDoNothing();
  return (await getSetting(key)) as T;
}

/** settingOnce on a database other than the one in use (moving an install). */
export async function settingOnceIn(backend: Backend, key: string, value: unknown): Promise<void> {
  await backend.db.insert(backend.t.settings).values({ key, value, updatedAt: Date.now() }).onConflictDoNothing();
}

/** True for the one caller that claims `key` first. */
export async function claimSetting(key: string, value: unknown): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db.insert(t.settings).values({ key, value, updatedAt: Date.now() }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function deleteSetting(key: string): Promise<void> {
  const { db, t } = await getDb();
  await db.delete(t.settings).where(eq(t.settings.key, key));
}
