import "server-only";
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, notInArray, or, sql } from "drizzle-orm";
import { getDb, type Conn } from "../client";
import { ACTIVE_STATUSES, type Job, type NewJob } from "../schema";
import { stamped } from "./stamp";

/** One multi-row INSERT: atomic on its own. */
export async function insertJobs(rows: NewJob[]): Promise<Job[]> {
  const { db, t } = await getDb();
  return db
    .insert(t.jobs)
    .values(rows.map((r) => ({ ...r, changedAt: r.updatedAt })))
    .returning();
}

export async function jobsInBatch(batchId: string): Promise<Job[]> {
  const { db, t } = await getDb();
  return db.select().from(t.jobs).where(eq(t.jobs.batchId, batchId)).orderBy(asc(t.jobs.variation));
}

/**
 * Which of these exact inputs a job since `since` that did not fail was made with, and the newest such job
 * (undefined, and no prints, when none was).
 */
export async function findRecentFingerprints(
  fingerprints: string[],
  since: number,
): Promise<{ prints: string[]; newest?: { id: string; createdAt: number } }> {
  if (fingerprints.length === 0) return { prints: [] };
  const { db, t } = await getDb();
  const recent = and(
    inArray(t.jobs.fingerprint, fingerprints),
    gte(t.jobs.createdAt, since),
    notInArray(t.jobs.status, ["failed", "cancelled"]),
  );
  const [prints, [newest]] = await Promise.all([
    db.selectDistinct({ fingerprint: t.jobs.fingerprint }).from(t.jobs).where(recent),
    db.select({ id: t.jobs.id, createdAt: t.jobs.createdAt }).from(t.jobs).where(recent).orderBy(desc(t.jobs.createdAt)).limit(1),
  ]);
  return { prints: prints.flatMap((p) => (p.fingerprint ? [p.fingerprint] : [])), newest };
}

export async function getJob(id: string): Promise<Job | undefined> {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.jobs).where(eq(t.jobs.id, id));
  return row;
}

export async function getJobByUpstreamId(upstreamId: string): Promise<Job | undefined> {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.jobs).where(eq(t.jobs.upstreamId, upstreamId));
  return row;
}

/** These jobs, those that still exist, in no particular order. */
export async function getJobs(ids: string[]): Promise<Job[]> {
  if (ids.length === 0) return [];
  const { db, t } = await getDb();
  return db.select().from(t.jobs).where(inArray(t.jobs.id, ids));
}

export async function getJobByShareId(shareId: string): Promise<Job | undefined> {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.jobs).where(eq(t.jobs.shareId, shareId));
  return row;
}

/** Applies a patch; false when the job no longer exists (deleted meanwhile). */
export async function updateJob(id: string, patch: Partial<NewJob>): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db.update(t.jobs).set(stamped(patch)).where(eq(t.jobs.id, id)).returning({ id: t.jobs.id });
  return rows.length > 0;
}

/** Withdraws a job nobody has sent yet; undefined when it was no longer queued (a worker may have claimed it). */
export async function cancelQueuedJob(id: string, patch: Partial<NewJob>): Promise<Job | undefined> {
  const { db, t } = await getDb();
  const [row] = await db
    .update(t.jobs)
    .set(stamped(patch))
    .where(and(eq(t.jobs.id, id), eq(t.jobs.status, "queued")))
    .returning();
  return row;
}

/** Deletes a job that is no longer in flight; undefined when there is none, or it is still running. */
export async function deleteFinishedJob(id: string): Promise<Job | undefined> {
  const backend = await getDb();
  // One transaction: a gallery never sees the row gone without the tombstone that tells it so.
  return backend.exclusive(`job:${id}`, async ({ db, t }) => {
    const [row] = await db
      .delete(t.jobs)
      .where(and(eq(t.jobs.id, id), inArray(t.jobs.status, ["completed", "failed", "unknown", "cancelled"])))
      .returning();
    if (row) {
      // Galleries that loaded it hear it is gone; a day is longer than any gallery polls unseen.
      const now = Date.now();
      await db.delete(t.jobTombstones).where(lt(t.jobTombstones.deletedAt, now - 24 * 60 * 60 * 1000));
      await db.insert(t.jobTombstones).values({ id, deletedAt: now }).onConflictDoNothing();
      // Comments on its picture go with it (and their replies, which name the same take).
      await db.delete(t.reviewComments).where(eq(t.reviewComments.jobId, id));
    }
    return row;
  });
}

/** Jobs still in flight, and finished ones whose video Keyframe is still saving. */
export async function countActive(): Promise<{ active: number; saving: number }> {
  const { db, t } = await getDb();
  const active = inArray(t.jobs.status, [...ACTIVE_STATUSES]);
  const saving = inArray(t.jobs.copyStatus, ["pending", "copying"]);
  const [row] = await db
    .select({
      active: sql<number>`coalesce(sum(case when ${active} then 1 else 0 end), 0)`,
      saving: sql<number>`coalesce(sum(case when ${saving} then 1 else 0 end), 0)`,
    })
    .from(t.jobs)
    .where(or(active, saving));
  return { active: Number(row?.active ?? 0), saving: Number(row?.saving ?? 0) };
}

export async function ping(): Promise<void> {
  await (await getDb()).ping();
}

/**
 * How long recent completed jobs (of one duration, or all) took from submit to done as Keyframe saw it,
 * newest first, for the poll schedule. `firstPoll`: found done by the first poll, so it may have finished
 * well before (an upper bound); otherwise it was seen within one poll step of finishing (or by webhook,
 * `polls` 0, when it finished).
 */
export async function recentRunTimes(
  duration?: number,
  limit = 30,
): Promise<{ duration: number; ms: number; firstPoll: boolean; polls: number }[]> {
  const { db, t } = await getDb();
  const rows = await db
    .select({ duration: t.jobs.duration, submittedAt: t.jobs.submittedAt, finishedAt: t.jobs.finishedAt, pollCount: t.jobs.pollCount })
    .from(t.jobs)
    .where(
      and(
        eq(t.jobs.status, "completed"),
        duration === undefined ? undefined : eq(t.jobs.duration, duration),
        isNotNull(t.jobs.submittedAt),
      ),
    )
    .orderBy(desc(t.jobs.finishedAt))
    .limit(limit);
  return rows.flatMap((r) =>
    r.submittedAt !== null && r.finishedAt !== null
      ? [{ duration: r.duration, ms: r.finishedAt - r.submittedAt, firstPoll: r.pollCount === 1, polls: r.pollCount }]
      : [],
  );
}

/** Something shown on these jobs' cards changed elsewhere (a star, a reviewer's pick or comment): galleries hear of it. */
export async function touchJobs(ids: (string | null | undefined)[]): Promise<void> {
  const list = touchable(ids);
  if (list.length === 0) return;
  await touchStatement(await getDb(), list, Date.now());
}

/** The ids touchJobs would touch: each once, none missing. */
export const touchable = (ids: (string | null | undefined)[]): string[] => [...new Set(ids.filter((id): id is string => Boolean(id)))];

/** touchJobs as one statement on `conn`, to run with others (a batch). */
export function touchStatement({ db, t }: Pick<Conn, "db" | "t">, ids: string[], now: number) {
  return db.update(t.jobs).set({ changedAt: now, updatedAt: now }).where(inArray(t.jobs.id, ids));
}
