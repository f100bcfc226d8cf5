import "server-only";
import { and, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "../client";
import type { Hook, HookDelivery, Job } from "../schema";

/** How long after a take finished it may still be announced (a copy saved late, a sweep catching up). */
const RECENT_FINISH_MS = 7 * 24 * 60 * 60 * 1000;

export type DeliveryLease = { owner: string; now: number; ms: number };
type Patch = Partial<Omit<HookDelivery, "id" | "hookId" | "jobId" | "event" | "body" | "createdAt">>;

/** The take event a finished job gives its member's hooks: completed once its copy is saved (or given up), else failed. */
export const takeEvent = (status: Job["status"]) => (status === "completed" ? "take.completed" : "take.failed");

/**
 * Jobs whose take reached its final state (a completed one once its copy is done or given up) and changed
 * since `since`, with each of their member's hooks registered before they finished and not yet given that
 * event. Every final write stamps changedAt, so this one read sees them all, whichever path wrote them.
 */
export async function finishedForHooks(since: number, limit: number): Promise<{ hook: Hook; job: Job }[]> {
  const { db, t } = await getDb();
  // One expression, not an OR of status tests: the planner then reads jobs by changedAt (the few changed
  // lately), not by status (every completed job ever).
  const ready = sql`(case when ${t.jobs.status} = 'completed' then ${t.jobs.copyStatus} in ('done', 'failed') else ${t.jobs.status} in ('failed', 'unknown', 'cancelled') end)`;
  const event = sql`case when ${t.jobs.status} = 'completed' then 'take.completed' else 'take.failed' end`;
  return db
    .select({ hook: t.hooks, job: t.jobs })
    .from(t.jobs)
    .innerJoin(t.hooks, eq(t.hooks.userId, t.jobs.userId))
    .where(
      and(
        sql`${t.jobs.changedAt} >= ${since}`,
        ready,
        sql`${t.jobs.finishedAt} >= ${t.hooks.createdAt}`,
        // Finished lately: a take starred or shared long after (changedAt moves) whose delivery was pruned
        // after 30 days is not announced a second time.
        sql`${t.jobs.finishedAt} >= ${since - RECENT_FINISH_MS}`,
        sql`not exists (select 1 from ${t.hookDeliveries} where ${t.hookDeliveries.hookId} = ${t.hooks.id} and ${t.hookDeliveries.jobId} = ${t.jobs.id} and ${t.hookDeliveries.event} = ${event})`,
      ),
    )
    .orderBy(t.jobs.changedAt)
    .limit(limit);
}

/** Writes deliveries; one for a (hook, take, event) that has one already is skipped (the unique index). Answers those written. */
export async function insertDeliveries(rows: HookDelivery[]): Promise<HookDelivery[]> {
  if (rows.length === 0) return [];
  const { db, t } = await getDb();
  return db.insert(t.hookDeliveries).values(rows).onConflictDoNothing().returning();
}

const free = (now: number, t: Awaited<ReturnType<typeof getDb>>["t"]) =>
  or(isNull(t.hookDeliveries.leaseUntil), lt(t.hookDeliveries.leaseUntil, now))!;

/** Due pending deliveries no live lease holds, taken under this instance's lease (the try counted now). */
export async function claimDeliveries(lease: DeliveryLease, limit: number): Promise<HookDelivery[]> {
  if (limit <= 0) return [];
  const { db, t, skipLocked } = await getDb();
  const due = and(eq(t.hookDeliveries.status, "pending"), sql`${t.hookDeliveries.nextAttemptAt} <= ${lease.now}`, free(lease.now, t))!;
  const candidates = sql`(select ${t.hookDeliveries.id} from ${t.hookDeliveries} where ${due} order by ${t.hookDeliveries.nextAttemptAt} limit ${limit}${skipLocked})`;
  return db
    .update(t.hookDeliveries)
    .set({ leaseOwner: lease.owner, leaseUntil: lease.now + lease.ms, attempts: sql`${t.hookDeliveries.attempts} + 1` })
    .where(and(inArray(t.hookDeliveries.id, candidates), due))
    .returning();
}

/** One delivery now, whatever its schedule (a test, a redelivery), unless another instance holds it. */
export async function claimDelivery(id: string, lease: DeliveryLease, reset = false): Promise<HookDelivery | undefined> {
  const { db, t } = await getDb();
  const [row] = await db
    .update(t.hookDeliveries)
    .set({
      leaseOwner: lease.owner,
      leaseUntil: lease.now + lease.ms,
      attempts: reset ? 1 : sql`${t.hookDeliveries.attempts} + 1`,
      ...(reset ? { status: "pending" as const, nextAttemptAt: lease.now, deliveredAt: null } : {}),
    })
    .where(and(eq(t.hookDeliveries.id, id), free(lease.now, t)))
    .returning();
  return row;
}

/** Writes how a try went and lets go; false when the lease was lost (or the hook deleted meanwhile). */
export async function finishDelivery(id: string, owner: string, patch: Patch): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db
    .update(t.hookDeliveries)
    .set({ ...patch, leaseOwner: null, leaseUntil: null })
    .where(and(eq(t.hookDeliveries.id, id), eq(t.hookDeliveries.leaseOwner, owner)))
    .returning({ id: t.hookDeliveries.id });
  return rows.length > 0;
}

/** On shutdown: deliveries this instance still holds are free again at once (their try not counted). */
export async function releaseDeliveries(owner: string): Promise<void> {
  const { db, t } = await getDb();
  await db
    .update(t.hookDeliveries)
    .set({
      leaseOwner: null,
      leaseUntil: null,
      attempts: sql`case when ${t.hookDeliveries.attempts} > 0 then ${t.hookDeliveries.attempts} - 1 else 0 end`,
    })
    .where(eq(t.hookDeliveries.leaseOwner, owner));
}

export async function getDelivery(id: string): Promise<HookDelivery | undefined> {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.hookDeliveries).where(eq(t.hookDeliveries.id, id));
  return row;
}

export async function latestDeliveries(hookId: string, limit: number): Promise<HookDelivery[]> {
  const { db, t } = await getDb();
  return db
    .select()
    .from(t.hookDeliveries)
    .where(eq(t.hookDeliveries.hookId, hookId))
    .orderBy(desc(t.hookDeliveries.createdAt), desc(t.hookDeliveries.id))
    .limit(limit);
}

/** Finished deliveries older than `before` go (pending ones stay until they finish). */
export async function pruneDeliveries(before: number): Promise<void> {
  const { db, t } = await getDb();
  await db
    .delete(t.hookDeliveries)
    .where(and(inArray(t.hookDeliveries.status, ["delivered", "failed"]), lt(t.hookDeliveries.createdAt, before)));
}
