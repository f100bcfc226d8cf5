import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, notInArray, or, sql } from "drizzle-orm";
import { getDb } from "./client";
import { ACTIVE_STATUSES, jobs, type Job, type JobStatus, type NewJob } from "./schema";

/** One multi-row INSERT: atomic on its own, with no interactive transaction (which libsql runs on a second connection). */
export async function insertJobs(rows: NewJob[]): Promise<Job[]> {
  const db = await getDb();
  return db.insert(jobs).values(rows).returning();
}

export async function jobsInBatch(batchId: string): Promise<Job[]> {
  const db = await getDb();
  return db.select().from(jobs).where(eq(jobs.batchId, batchId)).orderBy(asc(jobs.variation));
}

/** A job with these exact inputs since `since` that did not fail, if any. */
export async function findRecentFingerprint(fingerprint: string, since: number): Promise<Job | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.fingerprint, fingerprint), gte(jobs.createdAt, since), notInArray(jobs.status, ["failed"])))
    .orderBy(desc(jobs.createdAt))
    .limit(1);
  return row;
}

export async function getJob(id: string): Promise<Job | undefined> {
  const db = await getDb();
  return db.query.jobs.findFirst({ where: eq(jobs.id, id) });
}

export async function getJobByShareId(shareId: string): Promise<Job | undefined> {
  const db = await getDb();
  return db.query.jobs.findFirst({ where: eq(jobs.shareId, shareId) });
}

export type Cursor = { createdAt: number; id: string };
export type JobFilter = { statuses?: JobStatus[]; q?: string; userId?: string };

/** Newest first, keyset-paginated so pages stay stable while new jobs arrive. */
export async function listJobs(limit: number, cursor?: Cursor, filter: JobFilter = {}): Promise<{ rows: Job[]; next?: Cursor }> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(jobs)
    .where(
      and(
        cursor ? or(lt(jobs.createdAt, cursor.createdAt), and(eq(jobs.createdAt, cursor.createdAt), lt(jobs.id, cursor.id))) : undefined,
        filter.statuses ? inArray(jobs.status, filter.statuses) : undefined,
        filter.q ? sql`instr(lower(${jobs.prompt}), lower(${filter.q})) > 0` : undefined,
        filter.userId ? eq(jobs.userId, filter.userId) : undefined,
      ),
    )
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : undefined };
}

/** Applies a patch; false when the job no longer exists (deleted meanwhile). */
export async function updateJob(id: string, patch: Partial<NewJob>): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(jobs)
    .set({ ...patch, updatedAt: Date.now() })
    .where(eq(jobs.id, id))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Withdraws a job nobody has sent yet; undefined when it was no longer queued (a worker may have claimed it). */
export async function cancelQueuedJob(id: string): Promise<Job | undefined> {
  const db = await getDb();
  const now = Date.now();
  const [row] = await db
    .update(jobs)
    .set({ status: "cancelled", error: null, finishedAt: now, nextPollAt: null, updatedAt: now })
    .where(and(eq(jobs.id, id), eq(jobs.status, "queued")))
    .returning();
  return row;
}

/** Deletes a job that is no longer in flight; undefined when there is none, or it is still running. */
export async function deleteFinishedJob(id: string): Promise<Job | undefined> {
  const db = await getDb();
  const [row] = await db
    .delete(jobs)
    .where(and(eq(jobs.id, id), inArray(jobs.status, ["completed", "failed", "unknown", "cancelled"])))
    .returning();
  return row;
}

/** Which of these stored input names some job still uses (inputs are shared between jobs). */
export async function inputsInUse(names: string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const db = await getDb();
  const rows = await db
    .select({ a: jobs.imageFile, b: jobs.lastImageFile })
    .from(jobs)
    .where(or(inArray(jobs.imageFile, names), inArray(jobs.lastImageFile, names)));
  return new Set(rows.flatMap((r) => [r.a, r.b]).filter((n): n is string => n !== null && names.includes(n)));
}

/** Moves due copies to "copying" atomically, so two workers never copy the same output. */
export async function claimCopies(limit: number, now: number): Promise<Job[]> {
  if (limit <= 0) return [];
  const db = await getDb();
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.copyStatus, "pending"), lte(jobs.nextCopyAt, now)))
    .orderBy(asc(jobs.nextCopyAt))
    .limit(limit);
  return db
    .update(jobs)
    .set({ copyStatus: "copying", copyAttempts: sql`${jobs.copyAttempts} + 1`, updatedAt: now })
    .where(and(inArray(jobs.id, due), eq(jobs.copyStatus, "pending")))
    .returning();
}

/** After a restart, copies that were running start over (a copy can always be redone). */
export async function resumeInterruptedCopies(): Promise<number> {
  const db = await getDb();
  const rows = await db
    .update(jobs)
    .set({ copyStatus: "pending", nextCopyAt: 0, updatedAt: Date.now() })
    .where(eq(jobs.copyStatus, "copying"))
    .returning({ id: jobs.id });
  return rows.length;
}

/** Moves due queued jobs to "submitting" atomically, so one job is never sent twice. */
export async function claimQueued(limit: number, now: number): Promise<Job[]> {
  if (limit <= 0) return [];
  const db = await getDb();
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.status, "queued"), or(isNull(jobs.nextPollAt), lte(jobs.nextPollAt, now))))
    .orderBy(asc(jobs.createdAt), asc(jobs.variation))
    .limit(limit);
  return db
    .update(jobs)
    .set({ status: "submitting", submitAttempts: sql`${jobs.submitAttempts} + 1`, updatedAt: now })
    .where(and(inArray(jobs.id, due), eq(jobs.status, "queued")))
    .returning();
}

export async function duePolls(now: number, limit: number, skip: string[]): Promise<Job[]> {
  const db = await getDb();
  return db
    .select()
    .from(jobs)
    .where(
      and(
        inArray(jobs.status, ["submitted", "processing"]),
        lte(jobs.nextPollAt, now),
        skip.length ? notInArray(jobs.id, skip) : undefined,
      ),
    )
    .orderBy(asc(jobs.nextPollAt))
    .limit(limit);
}

/** When the worker next has something to do, or undefined when nothing is waiting. */
export async function nextDueAt(): Promise<number | undefined> {
  const db = await getDb();
  const [[poll], [copy]] = await Promise.all([
    db
      .select({ at: sql<number | null>`min(coalesce(${jobs.nextPollAt}, 0))` })
      .from(jobs)
      .where(inArray(jobs.status, ["queued", "submitted", "processing"])),
    db
      .select({ at: sql<number | null>`min(coalesce(${jobs.nextCopyAt}, 0))` })
      .from(jobs)
      .where(eq(jobs.copyStatus, "pending")),
  ]);
  const times = [poll?.at, copy?.at].filter((t) => t !== null && t !== undefined).map(Number);
  return times.length ? Math.min(...times) : undefined;
}

/** After a crash, a job left in "submitting" may or may not exist upstream: mark it so, never resend it. */
export async function markInterruptedSubmits(message: string): Promise<number> {
  const db = await getDb();
  const rows = await db
    .update(jobs)
    .set({ status: "unknown", error: message, updatedAt: Date.now() })
    .where(eq(jobs.status, "submitting"))
    .returning({ id: jobs.id });
  return rows.length;
}

/** Jobs still in flight, and finished ones whose video Keyframe is still saving. */
export async function countActive(): Promise<{ active: number; saving: number }> {
  const db = await getDb();
  const [row] = await db
    .select({
      active: sql<number>`coalesce(sum(${inArray(jobs.status, [...ACTIVE_STATUSES])}), 0)`,
      saving: sql<number>`coalesce(sum(${inArray(jobs.copyStatus, ["pending", "copying"])}), 0)`,
    })
    .from(jobs)
    .where(or(inArray(jobs.status, [...ACTIVE_STATUSES]), inArray(jobs.copyStatus, ["pending", "copying"])));
  return { active: Number(row?.active ?? 0), saving: Number(row?.saving ?? 0) };
}

export async function ping(): Promise<void> {
  const db = await getDb();
  await db.run(sql`select 1`);
}
