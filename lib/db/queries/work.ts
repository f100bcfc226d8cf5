import "server-only";
import { and, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import type { Job, NewJob } from "../schema";
import { stamped } from "./stamp";

/**
 * The worker's claims. Every instance on one database runs a worker; a job is worked on by one of them at a
 * time, under a lease (leaseOwner, leaseUntil) the holder renews while it works. A killed instance's leases
 * simply run out and another instance takes the job over.
 */
export type Lease = { owner: string; now: number; ms: number };
type Changes = { [K in keyof NewJob]?: NewJob[K] | SQL };

async function claim(lease: Lease, limit: number, due: SQL, order: SQL, set: Changes, still: SQL): Promise<Job[]> {
  if (limit <= 0) return [];
  const { db, t, skipLocked } = await getDb();
  const candidates = sql`(select ${t.jobs.id} from ${t.jobs} where ${due} order by ${order} limit ${limit}${skipLocked})`;
  return db
    .update(t.jobs)
    .set(stamped({ ...set, leaseOwner: lease.owner, leaseUntil: lease.now + lease.ms }, lease.now))
    .where(and(inArray(t.jobs.id, candidates), still))
    .returning();
}

const free = (now: number, t: Awaited<ReturnType<typeof getDb>>["t"]) => or(isNull(t.jobs.leaseUntil), lt(t.jobs.leaseUntil, now))!;

/**
 * Due queued jobs, taken under this instance's lease; they stay "queued" while their images are uploaded
 * (nothing is sent yet, so a lease that runs out meanwhile only frees them) and become "submitting" in
 * markSending, just before the POST.
 */
export async function claimQueued(lease: Lease, limit: number): Promise<Job[]> {
  const { t } = await getDb();
  const queued = and(eq(t.jobs.status, "queued"), free(lease.now, t))!;
  return claim(
    lease,
    limit,
    sql`${queued} and (${t.jobs.nextPollAt} is null or ${t.jobs.nextPollAt} <= ${lease.now})`,
    sql`${t.jobs.createdAt}, ${t.jobs.variation}`,
    { submitAttempts: sql`${t.jobs.submitAttempts} + 1` },
    queued,
  );
}

/**
 * A claimed job's submit POST is about to go: "submitting" from now on, so a lease that runs out counts it as
 * possibly sent. False when it was cancelled, deleted or taken over meanwhile: then nothing may be sent.
 */
export async function markSending(id: string, owner: string): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db
    .update(t.jobs)
    .set(stamped({ status: "submitting", submittedAt: Date.now() }))
    .where(and(eq(t.jobs.id, id), eq(t.jobs.leaseOwner, owner), eq(t.jobs.status, "queued")))
    .returning({ id: t.jobs.id });
  return rows.length > 0;
}

/** What became of a claimed job before anything was sent (its images unreadable or not uploaded, a drain). */
export async function finishUnsent(id: string, owner: string, patch: Partial<NewJob>): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db
    .update(t.jobs)
    .set(stamped({ ...patch, leaseOwner: null, leaseUntil: null }))
    .where(and(eq(t.jobs.id, id), eq(t.jobs.leaseOwner, owner), eq(t.jobs.status, "queued")))
    .returning({ id: t.jobs.id });
  return rows.length > 0;
}

/** Unfinished jobs whose next result poll is due and that no live lease holds. */
export async function claimPolls(lease: Lease, limit: number): Promise<Job[]> {
  const { t } = await getDb();
  const polled = and(inArray(t.jobs.status, ["submitted", "processing"]), free(lease.now, t))!;
  return claim(lease, limit, sql`${polled} and ${t.jobs.nextPollAt} <= ${lease.now}`, sql`${t.jobs.nextPollAt}`, {}, polled);
}

/** Due copies move to "copying" under this instance's lease, so each output is copied by one instance. */
export async function claimCopies(lease: Lease, limit: number): Promise<Job[]> {
  const { t } = await getDb();
  const pending = eq(t.jobs.copyStatus, "pending");
  return claim(
    lease,
    limit,
    sql`${pending} and ${t.jobs.nextCopyAt} <= ${lease.now}`,
    sql`${t.jobs.nextCopyAt}`,
    { copyStatus: "copying", copyAttempts: sql`${t.jobs.copyAttempts} + 1` },
    pending,
  );
}

/** Keeps this instance's leases alive while their work runs. */
export async function renewLeases(lease: Lease, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const { db, t } = await getDb();
  await db
    .update(t.jobs)
    .set({ leaseUntil: lease.now + lease.ms })
    .where(and(eq(t.jobs.leaseOwner, lease.owner), inArray(t.jobs.id, ids)));
}

/**
 * Writes the outcome of leased work and lets go of the job; false when the lease was lost, the job was
 * deleted, or (for a poll, `unfinished`) a webhook finished it meanwhile: a finished job never goes back.
 */
export async function finishLeased(id: string, owner: string, patch: Partial<NewJob>, unfinished = false): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db
    .update(t.jobs)
    .set(stamped({ ...patch, leaseOwner: null, leaseUntil: null }))
    .where(
      and(eq(t.jobs.id, id), eq(t.jobs.leaseOwner, owner), unfinished ? inArray(t.jobs.status, ["submitted", "processing"]) : undefined),
    )
    .returning({ id: t.jobs.id });
  return rows.length > 0;
}

/**
 * Writes what a submit POST came back with. Also when the lease ran out meanwhile and the job was marked
 * "outcome unknown": knowing the task is strictly better than not. False when the job is gone.
 */
export async function recordSubmit(id: string, patch: Partial<NewJob>): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db
    .update(t.jobs)
    .set(stamped({ ...patch, leaseOwner: null, leaseUntil: null }))
    .where(and(eq(t.jobs.id, id), isNull(t.jobs.upstreamId), inArray(t.jobs.status, ["submitting", "unknown"])))
    .returning({ id: t.jobs.id });
  return rows.length > 0;
}

/**
 * Leases that ran out: a submit whose sender died may or may not exist upstream, so it gets `interrupted`
 * (lib/jobs/life.ts: "outcome unknown", never resent); a copy starts over. With `everyone`, every lease counts as run out (an
 * embedded database has no other instance). Answers the ids newly marked unknown.
 */
export async function expireLeases(now: number, interrupted: Partial<NewJob>, everyone = false): Promise<string[]> {
  const { db, t } = await getDb();
  const expired = everyone ? sql`1 = 1` : free(now, t);
  const unknown = await db
    .update(t.jobs)
    .set(stamped({ ...interrupted, leaseOwner: null, leaseUntil: null }, now))
    .where(and(eq(t.jobs.status, "submitting"), expired))
    .returning({ id: t.jobs.id });
  await db
    .update(t.jobs)
    .set(stamped({ copyStatus: "pending", nextCopyAt: now, leaseOwner: null, leaseUntil: null }, now))
    .where(and(eq(t.jobs.copyStatus, "copying"), expired));
  // Claimed but never sent (uploading its images when its sender died): simply free again.
  await db
    .update(t.jobs)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(and(eq(t.jobs.status, "queued"), sql`${t.jobs.leaseOwner} is not null`, expired));
  return unknown.map((r) => r.id);
}

/** At start-up: an embedded database has no other instance, so whatever was leased was this process's before a restart. */
export async function recoverAtStart(now: number, interrupted: Partial<NewJob>): Promise<string[]> {
  const { kind } = await getDb();
  return expireLeases(now, interrupted, kind === "embedded");
}

/**
 * On shutdown: polls and copies this instance holds go back to the pool at once (copies start over); with
 * `unsent`, claimed jobs not yet sent too (once their uploads have wound down and put them back themselves).
 */
export async function releaseLeases(owner: string, now: number, unsent = false): Promise<void> {
  const { db, t } = await getDb();
  await db
    .update(t.jobs)
    .set(stamped({ copyStatus: "pending", nextCopyAt: now, leaseOwner: null, leaseUntil: null }, now))
    .where(and(eq(t.jobs.leaseOwner, owner), eq(t.jobs.copyStatus, "copying")));
  await db
    .update(t.jobs)
    .set(stamped({ leaseOwner: null, leaseUntil: null }, now))
    .where(
      and(
        eq(t.jobs.leaseOwner, owner),
        inArray(t.jobs.status, unsent ? ["queued", "submitted", "processing"] : ["submitted", "processing"]),
      ),
    );
}

/** When the worker next has something to do, or undefined when nothing is waiting. */
export async function nextDueAt(): Promise<number | undefined> {
  const { db, t } = await getDb();
  // Work another instance holds is due when its lease runs out at the earliest, not every tick meanwhile.
  const due = (at: SQL) =>
    sql<
      number | null
    >`min(case when coalesce(${t.jobs.leaseUntil}, 0) > coalesce(${at}, 0) then ${t.jobs.leaseUntil} else coalesce(${at}, 0) end)`;
  const [[poll], [copy]] = await Promise.all([
    db
      .select({ at: due(sql`${t.jobs.nextPollAt}`) })
      .from(t.jobs)
      .where(inArray(t.jobs.status, ["queued", "submitted", "processing"])),
    db
      .select({ at: due(sql`${t.jobs.nextCopyAt}`) })
      .from(t.jobs)
      .where(eq(t.jobs.copyStatus, "pending")),
  ]);
  const times = [poll?.at, copy?.at].filter((v) => v !== null && v !== undefined).map(Number);
  return times.length ? Math.min(...times) : undefined;
}

/** What WaveSpeed reported for a job by webhook; only while it is unfinished (deliveries repeat, polls race). */
export async function applyUpstream(id: string, patch: Partial<NewJob>): Promise<boolean> {
  const { db, t } = await getDb();
  const rows = await db
    .update(t.jobs)
    .set(stamped({ ...patch, leaseOwner: null, leaseUntil: null }))
    .where(and(eq(t.jobs.id, id), inArray(t.jobs.status, ["submitted", "processing"])))
    .returning({ id: t.jobs.id });
  return rows.length > 0;
}

/** Records a webhook delivery id; false when it was applied before. */
export async function recordDelivery(id: string, now = Date.now()): Promise<boolean> {
  const { db, t } = await getDb();
  await db.delete(t.webhookDeliveries).where(lt(t.webhookDeliveries.receivedAt, now - 24 * 60 * 60 * 1000));
  const rows = await db.insert(t.webhookDeliveries).values({ id, receivedAt: now }).onConflictDoNothing().returning();
  return rows.length > 0;
}

/** The newest webhook delivery and the newest finish of a job WaveSpeed ran: whether deliveries get through. */
export async function deliveryMarks(): Promise<{ delivered: number | null; finished: number | null }> {
  const { db, t } = await getDb();
  const [row] = await db
    .select({
      delivered: sql<number | null>`(select max(${t.webhookDeliveries.receivedAt}) from ${t.webhookDeliveries})`,
      finished: sql<
        number | null
      >`(select max(${t.jobs.finishedAt}) from ${t.jobs} where ${t.jobs.upstreamId} is not null and ${inArray(t.jobs.status, ["completed", "failed"])})`,
    })
    .from(sql`(select 1) as one`);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return { delivered: num(row?.delivered), finished: num(row?.finished) };
}

export async function deliverySeen(id: string): Promise<boolean> {
  const { db, t } = await getDb();
  const [row] = await db.select({ id: t.webhookDeliveries.id }).from(t.webhookDeliveries).where(eq(t.webhookDeliveries.id, id));
  return row !== undefined;
}
