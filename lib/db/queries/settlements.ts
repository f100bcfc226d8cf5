import "server-only";
import { and, eq, gt, inArray, isNotNull, isNull, lt, lte, ne, notExists, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import type { Job, NewJob } from "../schema";
import { stamped } from "./stamp";

export type Settlement = Awaited<ReturnType<typeof getSettlement>> & {};
type Lease = { owner: string; now: number; ms: number };

/** How far back an unknown submit is still looked for: WaveSpeed's history keeps 7 days. */
const HISTORY_KEPT_MS = 7 * 24 * 3600 * 1000 - 3600 * 1000;
/** A submit is never on the wire longer than this (the submit timeout's ceiling): the window's end at most. */
const LONGEST_SUBMIT_MS = 15 * 60_000;

/** Opens a settlement for every "unknown" job that has none yet (any instance may; each job gets one). */
export async function openSettlements(now: number): Promise<void> {
  const { db, t } = await getDb();
  const fresh = await db
    .select({ id: t.jobs.id, submittedAt: t.jobs.submittedAt, finishedAt: t.jobs.finishedAt, updatedAt: t.jobs.updatedAt })
    .from(t.jobs)
    .where(
      and(
        eq(t.jobs.status, "unknown"),
        gt(t.jobs.updatedAt, now - HISTORY_KEPT_MS),
        notExists(
          db
            .select({ one: sql`1` })
            .from(t.settlements)
            .where(eq(t.settlements.jobId, t.jobs.id)),
        ),
      ),
    )
    .limit(100);
  if (fresh.length === 0) return;
  const rows = fresh.map((j) => {
    const end = j.finishedAt ?? j.updatedAt;
    const start = Math.min(j.submittedAt ?? end - LONGEST_SUBMIT_MS, end);
    return {
      jobId: j.id,
      state: "pending" as const,
      windowStart: start,
      windowEnd: Math.min(end, start + LONGEST_SUBMIT_MS),
      nextCheckAt: now,
      createdAt: now,
      updatedAt: now,
    };
  });
  await db.insert(t.settlements).values(rows).onConflictDoNothing();
}

/** Due pending settlements, taken under this instance's lease. */
export async function claimSettlements(lease: Lease, limit: number): Promise<Settlement[]> {
  const { db, t, skipLocked } = await getDb();
  const due = and(eq(t.settlements.state, "pending"), lte(t.settlements.nextCheckAt, lease.now));
  const free = or(isNull(t.settlements.leaseUntil), lt(t.settlements.leaseUntil, lease.now));
  const ids = sql`(select ${t.settlements.jobId} from ${t.settlements} where ${and(due, free)} limit ${limit}${skipLocked})`;
  return db
    .update(t.settlements)
    .set({ leaseOwner: lease.owner, leaseUntil: lease.now + lease.ms, updatedAt: lease.now })
    .where(and(inArray(t.settlements.jobId, ids), due, free))
    .returning();
}

/** Other open settlements whose windows overlap this one's (a time-only match cannot tell them apart). */
export async function rivalsOf(
  s: Pick<Settlement, "jobId" | "windowStart" | "windowEnd">,
  skewMs: number,
): Promise<{ windowStart: number; windowEnd: number }[]> {
  const { db, t } = await getDb();
  return db
    .select({ windowStart: t.settlements.windowStart, windowEnd: t.settlements.windowEnd })
    .from(t.settlements)
    .where(
      and(
        ne(t.settlements.jobId, s.jobId),
        inArray(t.settlements.state, ["pending", "ambiguous"]),
        lte(t.settlements.windowStart, s.windowEnd + 2 * skewMs),
        sql`${t.settlements.windowEnd} >= ${s.windowStart - 2 * skewMs}`,
      ),
    );
}

/** Which of these WaveSpeed task ids a job of Keyframe's already has. */
export async function knownTaskIds(ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { db, t } = await getDb();
  const rows = await db
    .select({ id: t.jobs.upstreamId })
    .from(t.jobs)
    .where(and(isNotNull(t.jobs.upstreamId), inArray(t.jobs.upstreamId, ids)));
  return new Set(rows.map((r) => r.id!));
}

export async function getSettlement(jobId: string) {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.settlements).where(eq(t.settlements.jobId, jobId));
  return row;
}

/** Writes a settlement's outcome (and the lease given back); only while this owner holds it, or unleased for an admin. */
export async function finishSettlement(
  jobId: string,
  patch: Partial<typeof import("../sqlite/money-schema").settlements.$inferInsert>,
  owner: string | null,
) {
  const { db, t } = await getDb();
  const held = owner ? eq(t.settlements.leaseOwner, owner) : sql`1 = 1`;
  await db
    .update(t.settlements)
    .set({ ...patch, leaseOwner: null, leaseUntil: null, updatedAt: Date.now() })
    .where(and(eq(t.settlements.jobId, jobId), held));
}

/** The lost submit made `taskId`: the job carries on as if the answer had come (polled next). False if it moved on. */
export async function resumeJob(jobId: string, patch: Partial<NewJob>): Promise<boolean> {
  const { db, t } = await getDb();
  try {
    const rows = await db
      .update(t.jobs)
      .set(stamped(patch))
      .where(and(eq(t.jobs.id, jobId), eq(t.jobs.status, "unknown")))
      .returning({ id: t.jobs.id });
    return rows.length > 0;
  } catch {
    // Another job holds this task id already (the unique index): not this job's.
    return false;
  }
}

/** No task was made: the job ends failed and its money no longer counts, charged or not. */
export async function endUnmade(job: Pick<Job, "id">, patch: Partial<NewJob>): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db
    .update(t.jobs)
    .set(stamped(patch))
    .where(and(eq(t.jobs.id, job.id), eq(t.jobs.status, "unknown")))
    .returning({ id: t.jobs.id });
  if (rows.length === 0) return false;
  await db.update(t.ledger).set({ state: "released", updatedAt: Date.now() }).where(eq(t.ledger.jobId, job.id));
  return true;
}

/** Lost submits waiting for an admin's choice, with the take's prompt and when it was sent. */
export async function openChoices() {
  const { db, t } = await getDb();
  return db
    .select({
      jobId: t.settlements.jobId,
      candidates: t.settlements.candidates,
      windowStart: t.settlements.windowStart,
      prompt: t.jobs.prompt,
    })
    .from(t.settlements)
    .innerJoin(t.jobs, eq(t.jobs.id, t.settlements.jobId))
    .where(and(eq(t.settlements.state, "ambiguous"), eq(t.jobs.status, "unknown")))
    .limit(50);
}

/** Other submits still on the wire that began before `before`: their tasks exist but no job names them yet. */
export async function submitsInFlight(jobId: string, before: number): Promise<number> {
  const { db, t } = await getDb();
  const rows = await db
    .select({ id: t.jobs.id })
    .from(t.jobs)
    .where(and(eq(t.jobs.status, "submitting"), ne(t.jobs.id, jobId), lte(t.jobs.submittedAt, before)))
    .limit(1);
  return rows.length;
}
