import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { touchJobs } from "./jobs";

/** Stars or unstars a take for one member; idempotent either way. */
export async function setStar(jobId: string, userId: string, on: boolean): Promise<void> {
  const { db, t } = await getDb();
  if (on) await db.insert(t.stars).values({ jobId, userId, createdAt: Date.now() }).onConflictDoNothing();
  else await db.delete(t.stars).where(and(eq(t.stars.jobId, jobId), eq(t.stars.userId, userId)));
  await touchJobs([jobId]);
}

/** Who starred each of these takes, oldest star first. */
export async function starsOf(jobIds: string[]): Promise<{ jobId: string; userId: string }[]> {
  if (jobIds.length === 0) return [];
  const { db, t } = await getDb();
  return db
    .select({ jobId: t.stars.jobId, userId: t.stars.userId })
    .from(t.stars)
    .where(inArray(t.stars.jobId, jobIds))
    .orderBy(t.stars.createdAt);
}

export async function forgetStars(jobId: string): Promise<void> {
  const { db, t } = await getDb();
  await db.delete(t.stars).where(eq(t.stars.jobId, jobId));
}
