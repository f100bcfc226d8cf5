import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, notInArray, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import { ACTIVE_STATUSES, type Job, type JobStatus, type NewJob } from "../schema";

/** One multi-row INSERT: atomic on its own. */
export async function insertJobs(rows: NewJob[]): Promise<Job[]> {
  const { db, t } = await getDb();
  return db.insert(t.jobs).values(rows).returning();
}

export async function jobsInBatch(batchId: string): Promise<Job[]> {
  const { db, t } = await getDb();
  return db.select().from(t.jobs).where(eq(t.jobs.batchId, batchId)).orderBy(asc(t.jobs.variation));
}

/** A job with these exact inputs since `since` that did not fail, if any. */
export async function findRecentFingerprint(fingerprint: string, since: number): Promise<Job | undefined> {
  const { db, t } = await getDb();
  const [row] = await db
    .select()
    .from(t.jobs)
    .where(and(eq(t.jobs.fingerprint, fingerprint), gte(t.jobs.createdAt, since), notInArray(t.jobs.status, ["failed", "cancelled"])))
    .orderBy(desc(t.jobs.createdAt))
    .limit(1);
  return row;
}

export async function getJob(id: string): Promise<Job | undefined> {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.jobs).where(eq(t.jobs.id, id));
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

export type Cursor = { createdAt: number; id: string };
/** `starred`: only takes with a star (by that member, or by anyone when `by` is absent). */
export type JobFilter = { statuses?: JobStatus[]; q?: string; userId?: string; starred?: { by?: string } };

/** Newest first, keyset-paginated so pages stay stable while new jobs arrive; prompt search uses its index. */
export async function listJobs(limit: number, cursor?: Cursor, filter: JobFilter = {}): Promise<{ rows: Job[]; next?: Cursor }> {
  const { db, t, promptMatches } = await getDb();
  const rows = await db
    .select()
    .from(t.jobs)
    .where(
      and(
        cursor
          ? or(lt(t.jobs.createdAt, cursor.createdAt), and(eq(t.jobs.createdAt, cursor.createdAt), lt(t.jobs.id, cursor.id)))
          : undefined,
        filter.statuses ? inArray(t.jobs.status, filter.statuses) : undefined,
        filter.q ? promptMatches(filter.q) : undefined,
        filter.userId ? eq(t.jobs.userId, filter.userId) : undefined,
        filter.starred
          ? inArray(
              t.jobs.id,
              db
                .select({ id: t.stars.jobId })
                .from(t.stars)
                .where(filter.starred.by ? eq(t.stars.userId, filter.starred.by) : undefined),
            )
          : undefined,
      ),
    )
    .orderBy(desc(t.jobs.createdAt), desc(t.jobs.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : undefined };
}

/** Applies a patch; false when the job no longer exists (deleted meanwhile). */
export async function updateJob(id: string, patch: Partial<NewJob>): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db
    .update(t.jobs)
    .set({ ...patch, updatedAt: Date.now() })
    .where(eq(t.jobs.id, id))
    .returning({ id: t.jobs.id });
  return rows.length > 0;
}

/** Withdraws a job nobody has sent yet; undefined when it was no longer queued (a worker may have claimed it). */
export async function cancelQueuedJob(id: string): Promise<Job | undefined> {
  const { db, t } = await getDb();
  const now = Date.now();
  const [row] = await db
    .update(t.jobs)
    .set({ status: "cancelled", error: null, finishedAt: now, nextPollAt: null, updatedAt: now })
    .where(and(eq(t.jobs.id, id), eq(t.jobs.status, "queued")))
    .returning();
  return row;
}

/** Deletes a job that is no longer in flight; undefined when there is none, or it is still running. */
export async function deleteFinishedJob(id: string): Promise<Job | undefined> {
  const { db, t } = await getDb();
  const [row] = await db
    .delete(t.jobs)
    .where(and(eq(t.jobs.id, id), inArray(t.jobs.status, ["completed", "failed", "unknown", "cancelled"])))
    .returning();
  return row;
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
