import "server-only";
import { and, asc, desc, eq, exists, gt, inArray, notInArray, sql } from "drizzle-orm";
import type { LockedConn } from "../backend";
import { getDb } from "../client";
import type { Shot, Storyboard } from "../schema";

export type ShotRow = Shot & { jobIds: string[] };

export async function insertStoryboard(row: Storyboard): Promise<void> {
  const { db, t } = await getDb();
  await db.insert(t.storyboards).values(row);
}

export async function getStoryboard(id: string): Promise<Storyboard | undefined> {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.storyboards).where(eq(t.storyboards.id, id));
  return row;
}

/** Most recently changed first, with how many shots each has. */
export async function listStoryboards(): Promise<(Storyboard & { shots: number })[]> {
  const { db, t } = await getDb();
  const rows = await db
    .select({ board: t.storyboards, shots: sql<number>`count(${t.shots.id})` })
    .from(t.storyboards)
    .leftJoin(t.shots, eq(t.shots.storyboardId, t.storyboards.id))
    .groupBy(t.storyboards.id)
    .orderBy(desc(t.storyboards.updatedAt));
  return rows.map((r) => ({ ...r.board, shots: Number(r.shots) }));
}

export async function updateStoryboard(id: string, patch: { name?: string }): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db
    .update(t.storyboards)
    .set({ ...patch, updatedAt: Date.now() })
    .where(eq(t.storyboards.id, id))
    .returning({ id: t.storyboards.id });
  return rows.length > 0;
}

/** Every change to a board's shots goes through here, one at a time per board across instances. */
async function onBoard<T>(boardId: string, fn: (conn: LockedConn) => Promise<T>): Promise<T> {
  const backend = await getDb();
  return backend.exclusive(`storyboard:${boardId}`, async (conn) => {
    const result = await fn(conn);
    await conn.db.update(conn.t.storyboards).set({ updatedAt: Date.now() }).where(eq(conn.t.storyboards.id, boardId));
    return result;
  });
}

/** The board's shots in order, each with its takes (oldest first). */
export async function boardShots(boardId: string): Promise<ShotRow[]> {
  const { db, t } = await getDb();
  const shots = await db
    .select()
    .from(t.shots)
    .where(eq(t.shots.storyboardId, boardId))
    .orderBy(asc(t.shots.position), asc(t.shots.createdAt));
  if (shots.length === 0) return [];
  const takes = await db
    .select()
    .from(t.shotTakes)
    .where(
      inArray(
        t.shotTakes.shotId,
        shots.map((s) => s.id),
      ),
    )
    .orderBy(asc(t.shotTakes.addedAt), asc(t.shotTakes.jobId));
  return shots.map((shot) => ({ ...shot, jobIds: takes.filter((k) => k.shotId === shot.id).map((k) => k.jobId) }));
}

export async function getShot(shotId: string): Promise<Shot | undefined> {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.shots).where(eq(t.shots.id, shotId));
  return row;
}

/** A new shot holding `jobIds` (the first picked), after `afterShotId` or at the end. */
export async function insertShot(boardId: string, shotId: string, jobIds: string[], afterShotId?: string): Promise<void> {
  await onBoard(boardId, async ({ db, t }) => {
    const current = await db.select().from(t.shots).where(eq(t.shots.storyboardId, boardId)).orderBy(asc(t.shots.position));
    const after = afterShotId ? current.find((s) => s.id === afterShotId) : current.at(-1);
    const position = after ? after.position + 1 : 0;
    if (afterShotId && after) {
      await db
        .update(t.shots)
        .set({ position: sql`${t.shots.position} + 1` })
        .where(and(eq(t.shots.storyboardId, boardId), gt(t.shots.position, after.position)));
    }
    const now = Date.now();
    await db.insert(t.shots).values({ id: shotId, storyboardId: boardId, position, pickedJobId: jobIds[0] ?? null, createdAt: now });
    await db.insert(t.shotTakes).values(jobIds.map((jobId, i) => ({ shotId, jobId, addedAt: now + i })));
  });
}

/** More takes of the board's shot `shotId` (a take it already holds is left as it is); false when the board has no such shot. */
export async function insertTakes(boardId: string, shotId: string, jobIds: string[]): Promise<boolean> {
  return onBoard(boardId, async ({ db, t }) => {
    const [shot] = await db
      .select({ id: t.shots.id })
      .from(t.shots)
      .where(and(eq(t.shots.id, shotId), eq(t.shots.storyboardId, boardId)));
    if (!shot) return false;
    const now = Date.now();
    await db
      .insert(t.shotTakes)
      .values(jobIds.map((jobId, i) => ({ shotId, jobId, addedAt: now + i })))
      .onConflictDoNothing();
    await db
      .update(t.shots)
      .set({ pickedJobId: jobIds[0] })
      .where(and(eq(t.shots.id, shotId), sql`${t.shots.pickedJobId} is null`));
    return true;
  });
}

/** Picks one of the shot's own takes; false when the shot does not hold it. */
export async function pickTake(boardId: string, shotId: string, jobId: string): Promise<boolean> {
  return onBoard(boardId, async ({ db, t }) => {
    const holds = db
      .select({ id: t.shotTakes.jobId })
      .from(t.shotTakes)
      .where(and(eq(t.shotTakes.shotId, shotId), eq(t.shotTakes.jobId, jobId)));
    const rows = await db
      .update(t.shots)
      .set({ pickedJobId: jobId })
      .where(and(eq(t.shots.id, shotId), eq(t.shots.storyboardId, boardId), exists(holds)))
      .returning({ id: t.shots.id });
    return rows.length > 0;
  });
}

/** Puts the shots in this order; false (and nothing changes) unless it names each of the board's shots once. */
export async function reorderShots(boardId: string, order: string[]): Promise<boolean> {
  return onBoard(boardId, async ({ db, t }) => {
    const current = await db.select({ id: t.shots.id }).from(t.shots).where(eq(t.shots.storyboardId, boardId));
    const ids = new Set(current.map((s) => s.id));
    if (order.length !== ids.size || new Set(order).size !== order.length || order.some((id) => !ids.has(id))) return false;
    if (order.length === 0) return true;
    const position = sql.join(
      order.map((id, i) => sql`when ${id} then cast(${i} as integer)`),
      sql` `,
    );
    await db
      .update(t.shots)
      .set({ position: sql`case ${t.shots.id} ${position} end` })
      .where(eq(t.shots.storyboardId, boardId));
    return true;
  });
}

/** Removes the board's shot `shotId` with its takes, both or neither; false when the board has no such shot. */
export async function deleteShot(boardId: string, shotId: string): Promise<boolean> {
  return onBoard(boardId, async ({ db, t, batch }) => {
    const own = and(eq(t.shots.id, shotId), eq(t.shots.storyboardId, boardId));
    const [, deleted] = await batch([
      db.delete(t.shotTakes).where(and(eq(t.shotTakes.shotId, shotId), exists(db.select({ id: t.shots.id }).from(t.shots).where(own)))),
      db.delete(t.shots).where(own).returning({ id: t.shots.id }),
    ]);
    return deleted.length > 0;
  });
}

/** Removes a board with its shots; its films and review links are the caller's to remove. */
export async function deleteStoryboard(boardId: string): Promise<void> {
  const backend = await getDb();
  await backend.exclusive(`storyboard:${boardId}`, async ({ db, t }) => {
    const shotIds = db.select({ id: t.shots.id }).from(t.shots).where(eq(t.shots.storyboardId, boardId));
    await db.delete(t.shotTakes).where(inArray(t.shotTakes.shotId, shotIds));
    await db.delete(t.shots).where(eq(t.shots.storyboardId, boardId));
    await db.delete(t.storyboards).where(eq(t.storyboards.id, boardId));
  });
}

/**
 * A deleted take leaves every shot that held it: a shot that picked it picks its oldest remaining take,
 * and a shot left with none goes.
 */
export async function forgetTake(jobId: string): Promise<void> {
  const { db, t } = await getDb();
  const held = await db.select({ shotId: t.shotTakes.shotId }).from(t.shotTakes).where(eq(t.shotTakes.jobId, jobId));
  await db.delete(t.shotTakes).where(eq(t.shotTakes.jobId, jobId));
  if (held.length === 0) return;
  const shotIds = held.map((h) => h.shotId);
  const oldest = sql`(select ${t.shotTakes.jobId} from ${t.shotTakes} where ${t.shotTakes.shotId} = ${t.shots.id} order by ${t.shotTakes.addedAt} limit 1)`;
  await db
    .update(t.shots)
    .set({ pickedJobId: oldest })
    .where(and(inArray(t.shots.id, shotIds), eq(t.shots.pickedJobId, jobId)));
  const stillHeld = db.select({ id: t.shotTakes.shotId }).from(t.shotTakes).where(inArray(t.shotTakes.shotId, shotIds));
  await db.delete(t.shots).where(and(inArray(t.shots.id, shotIds), notInArray(t.shots.id, stillHeld)));
}
