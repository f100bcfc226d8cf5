import "server-only";
import { and, eq, gt, inArray, lt, or } from "drizzle-orm";
import { getDb } from "../client";

const PIN_MS = 10 * 60 * 1000;

/**
 * Stored inputs are shared by content (the same image in many jobs), so a pin and a delete must not
 * interleave: both run under the input's lock. The pin is committed before `write` stores the bytes, so a
 * delete either ran wholly before (and the write puts the object back) or sees the pin and leaves it; the
 * write itself (an upload that may take a while) holds no lock or database connection.
 */
export async function pinAndWrite<T>(name: string, holder: string, write: () => Promise<T>): Promise<T> {
  const backend = await getDb();
  await backend.exclusive(`input:${name}`, async ({ db, t }) => {
    await db
      .insert(t.inputPins)
      .values({ name, holder, expiresAt: Date.now() + PIN_MS })
      .onConflictDoUpdate({ target: [t.inputPins.name, t.inputPins.holder], set: { expiresAt: Date.now() + PIN_MS } });
  });
  return write();
}

/** The request has stored its jobs (or given up): its pins go. */
export async function unpin(holder: string): Promise<void> {
  const { db, t } = await getDb();
  await db.delete(t.inputPins).where(or(eq(t.inputPins.holder, holder), lt(t.inputPins.expiresAt, Date.now())));
}

/** Removes (with `remove`) each of these inputs that no job uses and no request has pinned, under its lock. */
export async function removeUnused(names: string[], remove: (name: string) => Promise<void>): Promise<void> {
  const backend = await getDb();
  for (const name of new Set(names)) {
    await backend.exclusive(`input:${name}`, async ({ db, t }) => {
      const [job] = await db
        .select({ id: t.jobs.id })
        .from(t.jobs)
        .where(or(eq(t.jobs.imageFile, name), eq(t.jobs.lastImageFile, name)))
        .limit(1);
      const [pin] = await db
        .select({ name: t.inputPins.name })
        .from(t.inputPins)
        .where(and(eq(t.inputPins.name, name), gt(t.inputPins.expiresAt, Date.now())))
        .limit(1);
      if (!job && !pin) await remove(name);
    });
  }
}

/** Which of these stored inputs some job uses. */
export async function inputsInUse(names: string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const { db, t } = await getDb();
  const rows = await db
    .select({ a: t.jobs.imageFile, b: t.jobs.lastImageFile })
    .from(t.jobs)
    .where(or(inArray(t.jobs.imageFile, names), inArray(t.jobs.lastImageFile, names)));
  return new Set(rows.flatMap((r) => [r.a, r.b]).filter((n): n is string => n !== null && names.includes(n)));
}
