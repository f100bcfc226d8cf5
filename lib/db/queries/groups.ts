import "server-only";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import type { JobGroup, JobStatus } from "../schema";

/** Batches (job_groups) and what their jobs have come to. */

/** Inserts the batch; false when its member already has a batch under this key (a resend, or a race with one). */
export async function insertGroup(group: JobGroup): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db.insert(t.jobGroups).values(group).onConflictDoNothing().returning({ id: t.jobGroups.id });
  return rows.length === 1;
}

export async function findGroupByKey(userId: string, key: string): Promise<JobGroup | undefined> {
  const { db, t } = await getDb();
  const [row] = await db
    .select()
    .from(t.jobGroups)
    .where(and(eq(t.jobGroups.userId, userId), eq(t.jobGroups.key, key)));
  return row;
}

/** Frees an old batch's key (kept, suffixed with its id): the same key or content may then start a new batch. */
export async function retireGroupKey(group: JobGroup): Promise<void> {
  const { db, t } = await getDb();
  await db
    .update(t.jobGroups)
    .set({ key: `${group.key}~${group.id}` })
    .where(eq(t.jobGroups.id, group.id));
}

export async function getGroup(id: string): Promise<JobGroup | undefined> {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.jobGroups).where(eq(t.jobGroups.id, id));
  return row;
}

export async function deleteGroup(id: string): Promise<void> {
  const { db, t } = await getDb();
  await db.delete(t.jobGroups).where(eq(t.jobGroups.id, id));
}

/** A member's batches, newest first. */
export async function listGroups(userId: string, limit: number): Promise<JobGroup[]> {
  const { db, t } = await getDb();
  return db.select().from(t.jobGroups).where(eq(t.jobGroups.userId, userId)).orderBy(desc(t.jobGroups.createdAt)).limit(limit);
}

/** How many of each batch's jobs are in each status. */
export async function groupStatusCounts(ids: string[]): Promise<Map<string, Partial<Record<JobStatus, number>>>> {
  const counts = new Map<string, Partial<Record<JobStatus, number>>>(ids.map((id) => [id, {}]));
  if (ids.length === 0) return counts;
  const { db, t } = await getDb();
  const rows = await db
    .select({ groupId: t.jobs.groupId, status: t.jobs.status, n: count() })
    .from(t.jobs)
    .where(inArray(t.jobs.groupId, ids))
    .groupBy(t.jobs.groupId, t.jobs.status);
  for (const row of rows) counts.get(row.groupId!)![row.status] = Number(row.n);
  return counts;
}

/** The submission ids (jobs.batch_id) a batch's rows were made under: one per row that has its jobs. */
export async function groupRowBatchIds(groupId: string): Promise<Set<string>> {
  const { db, t } = await getDb();
  const rows = await db.selectDistinct({ batchId: t.jobs.batchId }).from(t.jobs).where(eq(t.jobs.groupId, groupId));
  return new Set(rows.map((r) => r.batchId));
}

export async function groupJobs(groupId: string, statuses?: JobStatus[]) {
  const { db, t } = await getDb();
  return db
    .select()
    .from(t.jobs)
    .where(and(eq(t.jobs.groupId, groupId), statuses ? inArray(t.jobs.status, statuses) : undefined))
    .orderBy(desc(t.jobs.createdAt));
}

export async function markGroupCancelled(id: string, at: number): Promise<void> {
  const { db, t } = await getDb();
  await db.update(t.jobGroups).set({ cancelledAt: at }).where(eq(t.jobGroups.id, id));
}

/** What a claimed idempotency key stood for (kept a day), or undefined. */
export async function claimedHash(userId: string, key: string): Promise<string | null | undefined> {
  const { db, t } = await getDb();
  const [row] = await db
    .select({ hash: t.idempotencyKeys.requestHash })
    .from(t.idempotencyKeys)
    .where(and(eq(t.idempotencyKeys.userId, userId), eq(t.idempotencyKeys.key, key)));
  return row?.hash;
}
