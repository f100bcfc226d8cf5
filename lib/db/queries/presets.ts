import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import type { Preset } from "../schema";

export async function listPresetRows(): Promise<Preset[]> {
  const { db, t } = await getDb();
  return db.select().from(t.presets).orderBy(asc(t.presets.createdAt), asc(t.presets.name));
}

export async function getPreset(id: string): Promise<Preset | undefined> {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.presets).where(eq(t.presets.id, id));
  return row;
}

/** False when another preset has that name already. */
export async function insertPreset(row: Preset): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db.insert(t.presets).values(row).onConflictDoNothing().returning({ id: t.presets.id });
  return rows.length > 0;
}

export async function insertPresets(rows: Preset[]): Promise<void> {
  const { db, t } = await getDb();
  await db.insert(t.presets).values(rows).onConflictDoNothing();
}

/** Undefined when the preset is gone; throws on a name another preset has (a unique violation). */
export async function renamePreset(id: string, name: string): Promise<Preset | undefined> {
  const { db, t } = await getDb();
  const [row] = await db.update(t.presets).set({ name, updatedAt: Date.now() }).where(eq(t.presets.id, id)).returning();
  return row;
}

export async function deletePreset(id: string): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db.delete(t.presets).where(eq(t.presets.id, id)).returning({ id: t.presets.id });
  return rows.length > 0;
}
