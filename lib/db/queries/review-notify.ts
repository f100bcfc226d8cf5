import "server-only";
import { and, asc, count, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import { getDb } from "../client";

/** What reviewers said: a comment or a decision, for the team's unread counts and the batched notifier. */
export type ReviewEvent =
  | {
      kind: "comment";
      linkId: string;
      at: number;
      name: string;
      body: string;
      jobId: string | null;
      filmId: string | null;
      atMs: number | null;
    }
  | { kind: "decision"; linkId: string; at: number; name: string; decision: string; shotKey: string };

/** Reviewers' comments and decisions on these links (or all links) after `after` and up to `until`, oldest first. */
export async function reviewEvents(after: number, until: number, limit: number, linkIds?: string[]): Promise<ReviewEvent[]> {
  if (linkIds?.length === 0) return [];
  const { db, t } = await getDb();
  const c = t.reviewComments;
  const d = t.reviewDecisions;
  const [comments, decisions] = await Promise.all([
    db
      .select()
      .from(c)
      .where(
        and(eq(c.author, "reviewer"), gt(c.createdAt, after), lte(c.createdAt, until), linkIds ? inArray(c.linkId, linkIds) : undefined),
      )
      .orderBy(asc(c.createdAt))
      .limit(limit),
    db
      .select()
      .from(d)
      .where(and(gt(d.updatedAt, after), lte(d.updatedAt, until), linkIds ? inArray(d.linkId, linkIds) : undefined))
      .orderBy(asc(d.updatedAt))
      .limit(limit),
  ]);
  const events: ReviewEvent[] = [
    ...comments.map((r) => ({
      kind: "comment" as const,
      linkId: r.linkId ?? "",
      at: r.createdAt,
      name: r.name,
      body: r.body,
      jobId: r.jobId,
      filmId: r.filmId,
      atMs: r.atMs,
    })),
    ...decisions.map((r) => ({
      kind: "decision" as const,
      linkId: r.linkId,
      at: r.updatedAt,
      name: r.name,
      decision: r.decision,
      shotKey: r.shotKey,
    })),
  ];
  return events.sort((a, b) => a.at - b.at).slice(0, limit);
}

export async function readMarks(userId: string): Promise<Map<string, number>> {
  const { db, t } = await getDb();
  const rows = await db.select().from(t.reviewReads).where(eq(t.reviewReads.userId, userId));
  return new Map(rows.map((r) => [r.linkId, r.readAt]));
}

export async function markRead(userId: string, linkIds: string[], now = Date.now()): Promise<void> {
  if (linkIds.length === 0) return;
  const { db, t } = await getDb();
  const r = t.reviewReads;
  await db
    .insert(r)
    .values(linkIds.map((linkId) => ({ userId, linkId, readAt: now })))
    .onConflictDoUpdate({ target: [r.userId, r.linkId], set: { readAt: now } });
}

/**
 * Counts of reviewers' comments and decisions per link newer than this member's read mark on it (all of them
 * with no mark), counted by the database so any number is right.
 */
export async function unreadPerLink(linkIds: string[], userId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (linkIds.length === 0) return counts;
  const { db, t } = await getDb();
  const c = t.reviewComments;
  const d = t.reviewDecisions;
  const r = t.reviewReads;
  const [comments, decisions] = await Promise.all([
    db
      .select({ linkId: c.linkId, n: count() })
      .from(c)
      .leftJoin(r, and(eq(r.linkId, c.linkId), eq(r.userId, userId)))
      .where(and(eq(c.author, "reviewer"), inArray(c.linkId, linkIds), or(isNull(r.readAt), gt(c.createdAt, r.readAt))))
      .groupBy(c.linkId),
    db
      .select({ linkId: d.linkId, n: count() })
      .from(d)
      .leftJoin(r, and(eq(r.linkId, d.linkId), eq(r.userId, userId)))
      .where(and(inArray(d.linkId, linkIds), or(isNull(r.readAt), gt(d.updatedAt, r.readAt))))
      .groupBy(d.linkId),
  ]);
  for (const row of [...comments, ...decisions]) {
    if (row.linkId) counts.set(row.linkId, (counts.get(row.linkId) ?? 0) + Number(row.n));
  }
  return counts;
}

export type NotifyLease = { channel: string; owner: string; now: number; ms: number };

/** Takes the channel's lease (making its row, cursor at `now`, the first time); its cursor, or null if another holds it. */
export async function claimNotify(lease: NotifyLease): Promise<number | null> {
  const { db, t } = await getDb();
  const s = t.reviewNotifyState;
  await db.insert(s).values({ channel: lease.channel, cursor: lease.now }).onConflictDoNothing();
  const [row] = await db
    .update(s)
    .set({ leaseOwner: lease.owner, leaseUntil: lease.now + lease.ms })
    .where(and(eq(s.channel, lease.channel), or(isNull(s.leaseUntil), lte(s.leaseUntil, lease.now))))
    .returning({ cursor: s.cursor });
  return row ? Number(row.cursor) : null;
}

/** Hands the lease back, moving the cursor when a batch went out (only the holder can). */
export async function releaseNotify(
  channel: string,
  owner: string,
  done: { cursor?: number; sentAt?: number; error?: string | null },
): Promise<boolean> {
  const { db, t } = await getDb();
  const s = t.reviewNotifyState;
  const rows = await db
    .update(s)
    .set({
      leaseOwner: null,
      leaseUntil: null,
      ...(done.cursor !== undefined ? { cursor: done.cursor } : {}),
      ...(done.sentAt !== undefined ? { lastSentAt: done.sentAt } : {}),
      ...(done.error !== undefined ? { lastError: done.error } : {}),
    })
    .where(and(eq(s.channel, channel), eq(s.leaseOwner, owner)))
    .returning({ channel: s.channel });
  return rows.length > 0;
}

/** Starts a channel afresh from `now` (a new webhook does not get the history). */
export async function resetNotify(channel: string, now = Date.now()): Promise<void> {
  const { db, t } = await getDb();
  const s = t.reviewNotifyState;
  await db
    .insert(s)
    .values({ channel, cursor: now })
    .onConflictDoUpdate({ target: s.channel, set: { cursor: now, lastError: null } });
}

export async function notifyState(channel: string) {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.reviewNotifyState).where(eq(t.reviewNotifyState.channel, channel));
  return row;
}
