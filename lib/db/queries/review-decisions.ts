import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import type { ReviewDecision, ReviewDecisionRow } from "../schema";

/** A reviewer's decision on a shot, replacing their earlier one; null withdraws it. */
export async function putDecision(
  row: Omit<ReviewDecisionRow, "decision" | "updatedAt"> & { decision: ReviewDecision | null },
  now = Date.now(),
): Promise<void> {
  const { db, t } = await getDb();
  const d = t.reviewDecisions;
  if (row.decision === null) {
    await db.delete(d).where(and(eq(d.linkId, row.linkId), eq(d.reviewerId, row.reviewerId), eq(d.shotKey, row.shotKey)));
    return;
  }
  const value = { ...row, decision: row.decision, updatedAt: now };
  await db
    .insert(d)
    .values(value)
    .onConflictDoUpdate({
      target: [d.linkId, d.reviewerId, d.shotKey],
      set: { name: value.name, decision: value.decision, subjectId: value.subjectId, version: value.version, updatedAt: now },
    });
}

export async function decisionsOf(linkIds: string[]): Promise<ReviewDecisionRow[]> {
  if (linkIds.length === 0) return [];
  const { db, t } = await getDb();
  return db.select().from(t.reviewDecisions).where(inArray(t.reviewDecisions.linkId, linkIds)).orderBy(desc(t.reviewDecisions.updatedAt));
}
