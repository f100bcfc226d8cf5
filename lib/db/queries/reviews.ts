import "server-only";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "../client";
import { touchable, touchStatement } from "./jobs";
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

/** A reviewer's word on one shot: neither a pick nor a comment withdraws what they said there. */
export type FeedbackWord = { shotKey: string; pickedJobId: string | null; comment: string | null };

const said = (word: FeedbackWord) => word.pickedJobId !== null || Boolean(word.comment);

/**
 * One reviewer's word on several shots, all saved or none, one send at a time per link (on any instance):
 * each word replaces what they said before on that shot, an empty one withdraws it, and the takes picked
 * before and now are touched once. False, with nothing saved, when the link would then hold more than
 * `max` words (replacing or withdrawing a word never adds one).
 */
export async function saveFeedbacks(
  linkId: string,
  reviewer: { id: string; name: string },
  words: FeedbackWord[],
  max: number,
): Promise<boolean> {
  const backend = await getDb();
  return backend.exclusive(`review:${linkId}`, async (conn) => {
    const { db, t, batch } = conn;
    const f = t.reviewFeedback;
    const theirs = and(eq(f.linkId, linkId), eq(f.reviewerId, reviewer.id));
    const keys = words.map((w) => w.shotKey);
    const [before, [total]] = await Promise.all([
      db
        .select({ shotKey: f.shotKey, pickedJobId: f.pickedJobId })
        .from(f)
        .where(and(theirs, inArray(f.shotKey, keys))),
      db
        .select({ n: sql<number>`count(*)` })
        .from(f)
        .where(eq(f.linkId, linkId)),
    ]);
    const had = new Set(before.map((b) => b.shotKey));
    const kept = words.filter(said);
    if (Number(total?.n ?? 0) + kept.filter((w) => !had.has(w.shotKey)).length > max) return false;
    const now = Date.now();
    const gone = words.filter((w) => !said(w) && had.has(w.shotKey)).map((w) => w.shotKey);
    const touched = touchable([...before.map((b) => b.pickedJobId), ...kept.map((w) => w.pickedJobId)]);
    const statements = [
      ...(kept.length
        ? [
            db
              .insert(f)
              .values(kept.map((w) => ({ ...w, linkId, reviewerId: reviewer.id, name: reviewer.name, updatedAt: now })))
              .onConflictDoUpdate({
                target: [f.linkId, f.reviewerId, f.shotKey],
                set: { name: excluded(f.name), pickedJobId: excluded(f.pickedJobId), comment: excluded(f.comment), updatedAt: now },
              }),
          ]
        : []),
      ...(gone.length ? [db.delete(f).where(and(theirs, inArray(f.shotKey, gone)))] : []),
      // The cards of the takes picked before and now show the reviewers' picks.
      ...(touched.length ? [touchStatement(conn, touched, now)] : []),
    ];
    const [first, ...rest] = statements;
    if (first) await batch([first, ...rest]);
    return true;
  });
}

/** The value a row of a multi-row upsert brought, in either dialect. */
const excluded = (column: { name: string }) => sql.raw(`excluded."${column.name}"`);

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
