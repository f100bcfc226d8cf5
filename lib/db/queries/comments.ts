import "server-only";
import { and, asc, count, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import type { ReviewComment } from "../schema";

export type NewReviewComment = ReviewComment;

export async function insertComment(row: ReviewComment): Promise<void> {
  const { db, t } = await getDb();
  await db.insert(t.reviewComments).values(row);
}

export async function getComment(id: string): Promise<ReviewComment | undefined> {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.reviewComments).where(eq(t.reviewComments.id, id));
  return row;
}

/**
 * The comments on some takes and films, oldest first. `linkId`: only what is visible through that link (its
 * reviewers' comments and the team's), not other links' reviewers' threads nor the team's replies in them.
 */
export async function commentsOn(target: { jobIds?: string[]; filmIds?: string[] }, linkId?: string): Promise<ReviewComment[]> {
  const { db, t } = await getDb();
  const c = t.reviewComments;
  const on: SQL[] = [];
  if (target.jobIds?.length) on.push(inArray(c.jobId, target.jobIds));
  if (target.filmIds?.length) on.push(inArray(c.filmId, target.filmIds));
  if (on.length === 0) return [];
  const seen = linkId ? or(eq(c.author, "member"), eq(c.linkId, linkId)) : undefined;
  const rows = await db
    .select()
    .from(c)
    .where(and(or(...on), seen))
    .orderBy(asc(c.createdAt), asc(c.id));
  if (!linkId) return rows;
  // A team reply belongs to its thread: it shows only where the thread's first comment shows (replies sit on
  // their root's picture, so the root is in `rows` exactly when this link may see it).
  const roots = new Set(rows.filter((row) => !row.parentId).map((row) => row.id));
  return rows.filter((row) => !row.parentId || roots.has(row.parentId));
}

/** How many comments a link's reviewers have written (its cap). */
export async function linkCommentCount(linkId: string): Promise<number> {
  const { db, t } = await getDb();
  const [row] = await db.select({ n: count() }).from(t.reviewComments).where(eq(t.reviewComments.linkId, linkId));
  return Number(row?.n ?? 0);
}

/** Marks a thread resolved (or open again); answers whether its first comment exists. */
export async function setResolved(id: string, by: string | null, now = Date.now()): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db
    .update(t.reviewComments)
    .set(by ? { resolvedAt: now, resolvedBy: by } : { resolvedAt: null, resolvedBy: null })
    .where(and(eq(t.reviewComments.id, id), isNull(t.reviewComments.parentId)))
    .returning({ id: t.reviewComments.id });
  return rows.length > 0;
}
