import "server-only";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import type { ReviewDecision, ReviewDecisionRow } from "../schema";

/**
 * A reviewer's decision on a shot, replacing their earlier one; null withdraws it. Answers false (and saves
 * nothing) for a new row when the link already holds `maxRows`.
 */
export async function putDecision(
  row: Omit<ReviewDecisionRow, "decision" | "updatedAt"> & { decision: ReviewDecision | null },
  maxRows: number,
  now = Date.now(),
): Promise<boolean> {
  const { db, t } = await getDb();
  const d = t.reviewDecisions;
  const mine = and(eq(d.linkId, row.linkId), eq(d.reviewerId, row.reviewerId), eq(d.shotKey, row.shotKey));
  if (row.decision === null) {
    await db.delete(d).where(mine);
    return true;
  }
  const [before] = await db.select({ at: d.updatedAt }).from(d).where(mine);
  if (!before) {
    const [held] = await db.select({ n: count() }).from(d).where(eq(d.linkId, row.linkId));
    if (Number(held?.n ?? 0) >= maxRows) return false;
  }
  const value = { ...row, decision: row.decision, updatedAt: now };
  await db
    .insert(d)
    .values(value)
    .onConflictDoUpdate({
      target: [d.linkId, d.reviewerId, d.shotKey],
      set: { name: value.name, decision: value.decision, subjectId: value.subjectId, version: value.version, updatedAt: now },
    });
  return true;
}

export async function decisionsOf(linkIds: string[]): Promise<ReviewDecisionRow[]> {
  if (linkIds.length === 0) return [];
  const { db, t } = await getDb();
  return db.select().from(t.reviewDecisions).where(inArray(t.reviewDecisions.linkId, linkIds)).orderBy(desc(t.reviewDecisions.updatedAt));
}
