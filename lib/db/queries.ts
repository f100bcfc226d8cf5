import "server-only";
import { and, asc, desc, eq, inArray, isNull, lt, lte, notInArray, or, sql } from "drizzle-orm";
import { getDb } from "./client";
import { ACTIVE_STATUSES, jobs, type Job, type NewJob } from "./schema";

export async function insertJobs(rows: NewJob[]): Promise<Job[]> {
  const db = await getDb();
  return db.transaction(async (tx) => tx.insert(jobs).values(rows).returning());
}

export async function getJob(id: string): Promise<Job | undefined> {
  const db = await getDb();
  return db.query.jobs.findFirst({ where: eq(jobs.id, id) });
}

export type Cursor = { createdAt: number; id: string };

/** Newest first, keyset-paginated so pages stay stable while new jobs arrive. */
export async function listJobs(limit: number, cursor?: Cursor): Promise<{ rows: Job[]; next?: Cursor }> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(jobs)
    .where(cursor ? or(lt(jobs.createdAt, cursor.createdAt), and(eq(jobs.createdAt, cursor.createdAt), lt(jobs.id, cursor.id))) : undefined)
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : undefined };
}

export async function updateJob(id: string, patch: Partial<NewJob>): Promise<void> {
  const db = await getDb();
  await db
    .update(jobs)
    .set({ ...patch, updatedAt: Date.now() })
    .where(eq(jobs.id, id));
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
  const [row] = await db
    .select({ at: sql<number | null>`min(coalesce(${jobs.nextPollAt}, 0))` })
    .from(jobs)
    .where(inArray(jobs.status, ["queued", "submitted", "processing"]));
  return row?.at === null || row?.at === undefined ? undefined : Number(row.at);
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

export async function countActive(): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(jobs)
    .where(inArray(jobs.status, [...ACTIVE_STATUSES]));
  return row?.n ?? 0;
}

export async function ping(): Promise<void> {
  const db = await getDb();
  await db.run(sql`select 1`);
}
