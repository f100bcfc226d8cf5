import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { getDb } from "../client";
import type { ReviewVersion } from "../schema";

export async function versionsOf(subjectKey: string): Promise<ReviewVersion[]> {
  const { db, t } = await getDb();
  return db.select().from(t.reviewVersions).where(eq(t.reviewVersions.subjectKey, subjectKey)).orderBy(asc(t.reviewVersions.number));
}

/**
 * Adds `number` unless another request (on any instance) already did: the primary key decides, and both then
 * read the same row back.
 */
export async function addVersion(row: ReviewVersion): Promise<void> {
  const { db, t } = await getDb();
  await db.insert(t.reviewVersions).values(row).onConflictDoNothing();
}

export async function latestVersion(subjectKey: string): Promise<ReviewVersion | undefined> {
  const { db, t } = await getDb();
  const [row] = await db
    .select()
    .from(t.reviewVersions)
    .where(eq(t.reviewVersions.subjectKey, subjectKey))
    .orderBy(desc(t.reviewVersions.number))
    .limit(1);
  return row;
}
