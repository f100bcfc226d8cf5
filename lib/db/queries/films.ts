import "server-only";
import { and, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import type { Film, NewFilm } from "../schema";

export async function insertFilm(row: NewFilm): Promise<Film> {
  const { db, t } = await getDb();
  const [film] = await db.insert(t.films).values(row).returning();
  return film!;
}

export async function getFilm(id: string): Promise<Film | undefined> {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.films).where(eq(t.films.id, id));
  return row;
}

export async function getFilmByShareId(shareId: string): Promise<Film | undefined> {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.films).where(eq(t.films.shareId, shareId));
  return row;
}

/** A board's films, newest first: all of them, or the newest `limit`. */
export async function filmsOf(boardId: string, limit?: number): Promise<Film[]> {
  const { db, t } = await getDb();
  const query = db.select().from(t.films).where(eq(t.films.storyboardId, boardId)).orderBy(desc(t.films.createdAt), desc(t.films.id));
  return limit === undefined ? query : query.limit(limit);
}

export async function updateFilm(id: string, patch: Partial<NewFilm>): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db
    .update(t.films)
    .set({ ...patch, updatedAt: Date.now() })
    .where(eq(t.films.id, id))
    .returning({ id: t.films.id });
  return rows.length > 0;
}

/** The film's row, gone; undefined when there was none. */
export async function deleteFilm(id: string): Promise<Film | undefined> {
  const { db, t } = await getDb();
  const [row] = await db.delete(t.films).where(eq(t.films.id, id)).returning();
  // Comments on its picture go with it.
  if (row) await db.delete(t.reviewComments).where(eq(t.reviewComments.filmId, id));
  return row;
}

export async function deleteFilms(boardId: string): Promise<Film[]> {
  const { db, t } = await getDb();
  const rows = await db.delete(t.films).where(eq(t.films.storyboardId, boardId)).returning();
  if (rows.length)
    await db.delete(t.reviewComments).where(
      inArray(
        t.reviewComments.filmId,
        rows.map((f) => f.id),
      ),
    );
  return rows;
}

export type FilmLease = { owner: string; now: number; ms: number };

/**
 * The oldest film waiting to be rendered (or whose renderer's lease ran out) moves to "rendering" under
 * this instance's lease: each film is rendered by one instance at a time.
 */
export async function claimFilm(lease: FilmLease, maxAttempts: number): Promise<Film | undefined> {
  const { db, t, skipLocked } = await getDb();
  const due = or(
    eq(t.films.status, "queued"),
    and(eq(t.films.status, "rendering"), or(isNull(t.films.leaseUntil), lt(t.films.leaseUntil, lease.now))),
  )!;
  const candidate = sql`(select ${t.films.id} from ${t.films} where ${due} and ${t.films.attempts} < ${maxAttempts} order by ${t.films.createdAt} limit 1${skipLocked})`;
  const [film] = await db
    .update(t.films)
    .set({
      status: "rendering",
      progress: 0,
      attempts: sql`${t.films.attempts} + 1`,
      leaseOwner: lease.owner,
      leaseUntil: lease.now + lease.ms,
      updatedAt: lease.now,
    })
    .where(and(inArray(t.films.id, candidate), due))
    .returning();
  return film;
}

/** Renders whose leases ran out too often: they fail for good instead of being claimed again. */
export async function failAbandonedFilms(now: number, maxAttempts: number, message: string): Promise<void> {
  const { db, t } = await getDb();
  await db
    .update(t.films)
    .set({ status: "failed", error: message, leaseOwner: null, leaseUntil: null, finishedAt: now, updatedAt: now })
    .where(and(eq(t.films.status, "rendering"), lt(t.films.leaseUntil, now), sql`${t.films.attempts} >= ${maxAttempts}`));
}

/** Progress (per mille), which also keeps the lease alive; false when another instance has taken the film over. */
export async function reportFilmProgress(id: string, lease: FilmLease, progress: number): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db
    .update(t.films)
    .set({ progress, leaseUntil: lease.now + lease.ms, updatedAt: lease.now })
    .where(and(eq(t.films.id, id), eq(t.films.leaseOwner, lease.owner), eq(t.films.status, "rendering")))
    .returning({ id: t.films.id });
  return rows.length > 0;
}

/** Writes the outcome and lets go of the film; false when the lease was lost (or the film deleted). */
export async function finishFilm(id: string, owner: string, patch: Partial<NewFilm>): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db
    .update(t.films)
    .set({ ...patch, leaseOwner: null, leaseUntil: null, updatedAt: Date.now() })
    .where(and(eq(t.films.id, id), eq(t.films.leaseOwner, owner)))
    .returning({ id: t.films.id });
  return rows.length > 0;
}

/** On shutdown: this instance's renders go back to the queue at once (they start over elsewhere). */
export async function releaseFilms(owner: string): Promise<void> {
  const { db, t } = await getDb();
  await db
    .update(t.films)
    .set({
      status: "queued",
      progress: 0,
      attempts: sql`${t.films.attempts} - 1`,
      leaseOwner: null,
      leaseUntil: null,
      updatedAt: Date.now(),
    })
    .where(and(eq(t.films.leaseOwner, owner), eq(t.films.status, "rendering")));
}

/** Whether any film waits for a renderer (cheap: the exporter asks this while idle). */
export async function filmsWaiting(now: number): Promise<boolean> {
  const { db, t } = await getDb();
  const [row] = await db
    .select({ id: t.films.id })
    .from(t.films)
    .where(
      or(eq(t.films.status, "queued"), and(eq(t.films.status, "rendering"), or(isNull(t.films.leaseUntil), lt(t.films.leaseUntil, now)))),
    )
    .limit(1);
  return row !== undefined;
}
