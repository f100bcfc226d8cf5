import "server-only";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "../client";
import type { ReviewLinkControls } from "../schema";

export type ControlsPatch = Partial<
  Pick<ReviewLinkControls, "expiresAt" | "passHash" | "allowComment" | "allowDecide" | "allowDownload" | "disabledAt">
>;

export async function linkControls(linkIds: string[]): Promise<Map<string, ReviewLinkControls>> {
  if (linkIds.length === 0) return new Map();
  const { db, t } = await getDb();
  const rows = await db.select().from(t.reviewLinkControls).where(inArray(t.reviewLinkControls.linkId, linkIds));
  return new Map(rows.map((r) => [r.linkId, r]));
}

/** Sets what the team changed, making the row (with the defaults) the first time. */
export async function putLinkControls(linkId: string, patch: ControlsPatch, now = Date.now()): Promise<void> {
  const { db, t } = await getDb();
  await db
    .insert(t.reviewLinkControls)
    .values({ linkId, ...patch, updatedAt: now })
    .onConflictDoUpdate({ target: t.reviewLinkControls.linkId, set: { ...patch, updatedAt: now } });
}

/** Counts a view of the link's page (the row is made if need be). */
export async function countLinkView(linkId: string, now = Date.now()): Promise<void> {
  const { db, t } = await getDb();
  const c = t.reviewLinkControls;
  await db
    .insert(c)
    .values({ linkId, views: 1, lastViewAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: c.linkId, set: { views: sql`${c.views} + 1`, lastViewAt: now } });
}

/** Stamps the last time a reviewer said something on the link. */
export async function stampLinkActivity(linkId: string, now = Date.now()): Promise<void> {
  const { db, t } = await getDb();
  const c = t.reviewLinkControls;
  await db
    .insert(c)
    .values({ linkId, lastActivityAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: c.linkId, set: { lastActivityAt: now } });
}

/**
 * A reviewer opened the link: one more view, their name, and the version they now see. Answers what they saw
 * before, or "full" (and records nothing) for a new reviewer when the link already has `maxVisitors`.
 */
export async function recordVisit(
  linkId: string,
  reviewerId: string,
  name: string | null,
  version: number | null,
  maxVisitors: number,
  now = Date.now(),
): Promise<{ seenVersion: number | null } | "full"> {
  const { db, t } = await getDb();
  const v = t.reviewVisits;
  const [before] = await db
    .select({ seenVersion: v.seenVersion })
    .from(v)
    .where(and(eq(v.linkId, linkId), eq(v.reviewerId, reviewerId)));
  if (!before) {
    const [row] = await db.select({ n: count() }).from(v).where(eq(v.linkId, linkId));
    if (Number(row?.n ?? 0) >= maxVisitors) return "full";
  }
  await db
    .insert(v)
    .values({ linkId, reviewerId, name, views: 1, seenVersion: version, lastSeenAt: now })
    .onConflictDoUpdate({
      target: [v.linkId, v.reviewerId],
      set: { views: sql`${v.views} + 1`, seenVersion: version, lastSeenAt: now, ...(name ? { name } : {}) },
    });
  return { seenVersion: before?.seenVersion ?? null };
}

export async function visitsOf(linkIds: string[]) {
  if (linkIds.length === 0) return [];
  const { db, t } = await getDb();
  return db.select().from(t.reviewVisits).where(inArray(t.reviewVisits.linkId, linkIds)).orderBy(desc(t.reviewVisits.lastSeenAt));
}

/**
 * Where a board's links' controls, use, decisions and this member's read marks stand (for the board's ETag):
 * sums, as boardMarks does.
 */
export async function reviewMarks(boardId: string, userId: string): Promise<string> {
  const { db, t } = await getDb();
  const links = sql`(select ${t.reviewLinks.id} from ${t.reviewLinks} where ${t.reviewLinks.storyboardId} = ${boardId})`;
  const c = t.reviewLinkControls;
  const [row] = await db
    .select({
      controls: sql<unknown>`(select count(*) || ':' || coalesce(sum(${c.updatedAt} + ${c.views} + coalesce(${c.lastActivityAt}, 0)), 0) from ${c} where ${c.linkId} in ${links})`,
      decisions: sql<unknown>`(select count(*) || ':' || coalesce(sum(${t.reviewDecisions.updatedAt}), 0) from ${t.reviewDecisions} where ${t.reviewDecisions.linkId} in ${links})`,
      visits: sql<unknown>`(select count(*) || ':' || coalesce(sum(${t.reviewVisits.lastSeenAt}), 0) from ${t.reviewVisits} where ${t.reviewVisits.linkId} in ${links})`,
      comments: sql<unknown>`(select count(*) from ${t.reviewComments} where ${t.reviewComments.linkId} in ${links})`,
      reads: sql<unknown>`(select coalesce(sum(${t.reviewReads.readAt}), 0) from ${t.reviewReads} where ${t.reviewReads.userId} = ${userId} and ${t.reviewReads.linkId} in ${links})`,
    })
    .from(t.storyboards)
    .where(eq(t.storyboards.id, boardId));
  return JSON.stringify(row ?? {});
}

/** Every unrevoked review link, newest first (at most `limit`). */
export async function openReviewLinks(limit = 500) {
  const { db, t } = await getDb();
  return db.select().from(t.reviewLinks).where(isNull(t.reviewLinks.revokedAt)).orderBy(desc(t.reviewLinks.createdAt)).limit(limit);
}
