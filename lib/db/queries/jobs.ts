import "server-only";
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Backend } from "../client";
import { ACTIVE_STATUSES, type Job, type JobStatus, type NewJob } from "../schema";
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

export type Cursor = { createdAt: number; id: string };
/** `starred`: only takes with a star (by that member, or by anyone when `by` is absent). */
export type JobFilter = { statuses?: JobStatus[]; q?: string; userId?: string; starred?: { by?: string } };

/** A gallery filter as a condition: status tab, prompt search (through its index), Mine, Stars. */
function matching({ db, t, promptMatches }: Backend, filter: JobFilter): SQL | undefined {
  const starred = filter.starred
    ? db
        .select({ id: t.stars.jobId })
        .from(t.stars)
        .where(filter.starred.by ? eq(t.stars.userId, filter.starred.by) : undefined)
    : undefined;
  return and(
    filter.statuses ? inArray(t.jobs.status, filter.statuses) : undefined,
    filter.q ? promptMatches(filter.q) : undefined,
    filter.userId ? eq(t.jobs.userId, filter.userId) : undefined,
    starred ? inArray(t.jobs.id, starred) : undefined,
  );
}

/** Newest first, keyset-paginated so pages stay stable while new jobs arrive; prompt search uses its index. */
export async function listJobs(limit: number, cursor?: Cursor, filter: JobFilter = {}): Promise<{ rows: Job[]; next?: Cursor }> {
  const backend = await getDb();
  const { db, t } = backend;
  const rows = await db
    .select()
    .from(t.jobs)
    .where(
      and(
        cursor
          ? or(lt(t.jobs.createdAt, cursor.createdAt), and(eq(t.jobs.createdAt, cursor.createdAt), lt(t.jobs.id, cursor.id)))
          : undefined,
        matching(backend, filter),
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
  const rows = await db.update(t.jobs).set(stamped(patch)).where(eq(t.jobs.id, id)).returning({ id: t.jobs.id });
  return rows.length > 0;
}

/** Withdraws a job nobody has sent yet; undefined when it was no longer queued (a worker may have claimed it). */
export async function cancelQueuedJob(id: string): Promise<Job | undefined> {
  const { db, t } = await getDb();
  const now = Date.now();
  const [row] = await db
    .update(t.jobs)
    .set(stamped({ status: "cancelled", error: null, finishedAt: now, nextPollAt: null }, now))
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
 * well before (an upper bound); otherwise it was seen within one poll step of finishing (or by webhook).
 */
export async function recentRunTimes(duration?: number, limit = 30): Promise<{ duration: number; ms: number; firstPoll: boolean }[]> {
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
      ? [{ duration: r.duration, ms: r.finishedAt - r.submittedAt, firstPoll: r.pollCount === 1 }]
      : [],
  );
}

/**
 * Where the gallery's data stands, in one round trip: `counter` moves on every change a gallery could show
 * (a trigger counts them, whatever clock stamped them); `changed` and `deleted` are the newest change and
 * deletion times (the start of the next "what changed since"); `users` moves when a member changes.
 */
export async function changeMarks(): Promise<{ counter: number; changed: number; deleted: number; users: number }> {
  const { db, t } = await getDb();
  const [row] = await db
    .select({
      counter: sql<number | null>`(select ${t.counters.value} from ${t.counters} where ${t.counters.key} = 'jobs')`,
      changed: sql<number | null>`(select max(${t.jobs.changedAt}) from ${t.jobs})`,
      deleted: sql<number | null>`(select max(${t.jobTombstones.deletedAt}) from ${t.jobTombstones})`,
      users: sql<unknown>`(select max(${t.user.updatedAt}) from ${t.user})`,
    })
    .from(sql`(select 1) as one`);
  const asNumber = (v: unknown) =>
    v instanceof Date ? v.getTime() : typeof v === "string" && !/^\d+$/.test(v) ? Date.parse(v) : Number(v ?? 0);
  return { counter: asNumber(row?.counter), changed: asNumber(row?.changed), deleted: asNumber(row?.deleted), users: asNumber(row?.users) };
}

/**
 * Jobs changed since `since` (up to `limit`, oldest change first), each with whether it matches `filter`,
 * and the ids deleted since `deletedSince`.
 */
export async function changesSince(
  since: number,
  deletedSince: number,
  filter: JobFilter,
  limit: number,
): Promise<{ rows: Job[]; matching: Set<string>; deleted: string[] }> {
  const backend = await getDb();
  const { db, t } = backend;
  const changed = gt(t.jobs.changedAt, since);
  const [rows, matches, gone] = await Promise.all([
    db.select().from(t.jobs).where(changed).orderBy(asc(t.jobs.changedAt)).limit(limit),
    db
      .select({ id: t.jobs.id })
      .from(t.jobs)
      .where(and(changed, matching(backend, filter)))
      .limit(limit),
    db.select({ id: t.jobTombstones.id }).from(t.jobTombstones).where(gt(t.jobTombstones.deletedAt, deletedSince)),
  ]);
  return { rows, matching: new Set(matches.map((r) => r.id)), deleted: gone.map((r) => r.id) };
}

/** Something shown on these jobs' cards changed elsewhere (a star, a reviewer's pick or comment): galleries hear of it. */
export async function touchJobs(ids: (string | null | undefined)[]): Promise<void> {
  const list = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (list.length === 0) return;
  const { db, t } = await getDb();
  const now = Date.now();
  await db.update(t.jobs).set({ changedAt: now, updatedAt: now }).where(inArray(t.jobs.id, list));
}
