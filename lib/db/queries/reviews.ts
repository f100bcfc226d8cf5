import "server-only";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "../client";
import { touchJobs } from "./jobs";
import type { ReviewFeedback, ReviewLink } from "../schema";

export async function insertReviewLink(row: ReviewLink): Promise<void> {
  const { db, t } = await getDb();
  await db.insert(t.reviewLinks).values(row);
}

/** A link that has not been revoked, or undefined. */
export async function liveReviewLink(id: string): Promise<ReviewLink | undefined> {
  const { db, t } = await getDb();
  const [row] = await db
    .select()
    .from(t.reviewLinks)
    .where(and(eq(t.reviewLinks.id, id), isNull(t.reviewLinks.revokedAt)));
  return row;
}

export async function getReviewLink(id: string): Promise<ReviewLink | undefined> {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.reviewLinks).where(eq(t.reviewLinks.id, id));
  return row;
}

/** A board's live links, newest first. */
export async function reviewLinksOf(boardId: string): Promise<ReviewLink[]> {
  const { db, t } = await getDb();
  return db
    .select()
    .from(t.reviewLinks)
    .where(and(eq(t.reviewLinks.storyboardId, boardId), isNull(t.reviewLinks.revokedAt)))
    .orderBy(desc(t.reviewLinks.createdAt));
}

export async function revokeReviewLink(id: string): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db
    .update(t.reviewLinks)
    .set({ revokedAt: Date.now() })
    .where(and(eq(t.reviewLinks.id, id), isNull(t.reviewLinks.revokedAt)))
    .returning({ id: t.reviewLinks.id });
  return rows.length > 0;
}

export async function revokeBoardLinks(boardId: string): Promise<void> {
  const { db, t } = await getDb();
  await db
    .update(t.reviewLinks)
    .set({ revokedAt: Date.now() })
    .where(and(eq(t.reviewLinks.storyboardId, boardId), isNull(t.reviewLinks.revokedAt)));
}

/** One reviewer's pick and comment on one shot, replacing what they said before. */
export async function saveFeedback(row: ReviewFeedback): Promise<void> {
  const { db, t } = await getDb();
  const [before] = await db
    .select({ pickedJobId: t.reviewFeedback.pickedJobId })
    .from(t.reviewFeedback)
    .where(
      and(
        eq(t.reviewFeedback.linkId, row.linkId),
        eq(t.reviewFeedback.reviewerId, row.reviewerId),
        eq(t.reviewFeedback.shotKey, row.shotKey),
      ),
    );
  await db
    .insert(t.reviewFeedback)
    .values(row)
    .onConflictDoUpdate({
      target: [t.reviewFeedback.linkId, t.reviewFeedback.reviewerId, t.reviewFeedback.shotKey],
      set: { name: row.name, pickedJobId: row.pickedJobId, comment: row.comment, updatedAt: row.updatedAt },
    });
  // The takes picked before and now show the reviewers' picks on their cards.
  await touchJobs([before?.pickedJobId, row.pickedJobId]);
}

/** How many reviewers have said something on this link (a cap against one link collecting without end). */
export async function feedbackCount(linkId: string): Promise<number> {
  const { db, t } = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(t.reviewFeedback)
    .where(eq(t.reviewFeedback.linkId, linkId));
  return Number(row?.n ?? 0);
}

export async function feedbackOfLink(linkId: string): Promise<ReviewFeedback[]> {
  const { db, t } = await getDb();
  return db.select().from(t.reviewFeedback).where(eq(t.reviewFeedback.linkId, linkId)).orderBy(desc(t.reviewFeedback.updatedAt));
}

/** Feedback on these shots, from any link, newest first. */
export async function feedbackOnShots(shotIds: string[]): Promise<ReviewFeedback[]> {
  if (shotIds.length === 0) return [];
  const { db, t } = await getDb();
  return db.select().from(t.reviewFeedback).where(inArray(t.reviewFeedback.shotKey, shotIds)).orderBy(desc(t.reviewFeedback.updatedAt));
}

/** Feedback that picked one of these takes, newest first. */
export async function feedbackOnTakes(jobIds: string[]): Promise<ReviewFeedback[]> {
  if (jobIds.length === 0) return [];
  const { db, t } = await getDb();
  return db.select().from(t.reviewFeedback).where(inArray(t.reviewFeedback.pickedJobId, jobIds)).orderBy(desc(t.reviewFeedback.updatedAt));
}
