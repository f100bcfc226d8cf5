import "server-only";
import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "../client";

export type PulledItem = {
  uuid: string;
  taskId: string | null;
  kind: "deduct" | "refund";
  priceMicros: number;
  at: number;
  model: string | null;
  accessKey: string | null;
};

/** Takes the named lease for `ms` (free, run out, or already ours); answers its last success, or false if another holds it. */
export async function takeMoneyLease(
  name: string,
  owner: string,
  now: number,
  ms: number,
): Promise<{ doneAt: number | null; wantedAt: number | null } | false> {
  const { db, t } = await getDb();
  await db.insert(t.moneyLeases).values({ name }).onConflictDoNothing();
  const [row] = await db
    .update(t.moneyLeases)
    .set({ owner, until: now + ms })
    .where(and(eq(t.moneyLeases.name, name), or(isNull(t.moneyLeases.until), lt(t.moneyLeases.until, now), eq(t.moneyLeases.owner, owner))))
    .returning();
  return row ? { doneAt: row.doneAt, wantedAt: row.wantedAt } : false;
}

/** Gives the lease back; with `doneAt`, records a success (and clears an admin's demand it covered). */
export async function giveMoneyLease(name: string, owner: string, doneAt?: number): Promise<void> {
  const { db, t } = await getDb();
  const done =
    doneAt === undefined
      ? {}
      : { doneAt, wantedAt: sql`case when ${t.moneyLeases.wantedAt} <= ${doneAt} then null else ${t.moneyLeases.wantedAt} end` };
  await db
    .update(t.moneyLeases)
    .set({ owner: null, until: null, ...done })
    .where(and(eq(t.moneyLeases.name, name), eq(t.moneyLeases.owner, owner)));
}

export async function moneyLease(name: string) {
  const { db, t } = await getDb();
  const [row] = await db.select().from(t.moneyLeases).where(eq(t.moneyLeases.name, name));
  return row;
}

/** An admin asked: the next tick on any instance pulls. */
export async function wantPull(name: string, now: number): Promise<void> {
  const { db, t } = await getDb();
  await db
    .insert(t.moneyLeases)
    .values({ name, wantedAt: now })
    .onConflictDoUpdate({ target: t.moneyLeases.name, set: { wantedAt: now } });
}

/** Keeps each billing item once, however many instances or pulls saw it. */
export async function saveBillingItems(items: PulledItem[], now: number): Promise<void> {
  if (items.length === 0) return;
  const { db, t } = await getDb();
  for (let i = 0; i < items.length; i += 200) {
    await db
      .insert(t.billingItems)
      .values(items.slice(i, i + 200).map((x) => ({ ...x, pulledAt: now })))
      .onConflictDoNothing();
  }
}

/**
 * Writes what WaveSpeed charged and refunded onto the ledger rows of the jobs that made these tasks, from the
 * stored items (so repeating it never adds anything): from then on the net charge is what counts under the caps.
 */
export async function applyCharges(taskIds: string[], now: number): Promise<number> {
  const ids = [...new Set(taskIds)];
  if (ids.length === 0) return 0;
  const { db, t } = await getDb();
  let applied = 0;
  for (let i = 0; i < ids.length; i += 200) {
    const chunk = ids.slice(i, i + 200);
    const sums = await db
      .select({ taskId: t.billingItems.taskId, kind: t.billingItems.kind, micros: sql<number>`sum(${t.billingItems.priceMicros})` })
      .from(t.billingItems)
      .where(inArray(t.billingItems.taskId, chunk))
      .groupBy(t.billingItems.taskId, t.billingItems.kind);
    const jobs = await db
      .select({ id: t.jobs.id, taskId: t.jobs.upstreamId })
      .from(t.jobs)
      .where(and(isNotNull(t.jobs.upstreamId), inArray(t.jobs.upstreamId, chunk)));
    for (const job of jobs) {
      const of = (kind: string) => Number(sums.find((s) => s.taskId === job.taskId && s.kind === kind)?.micros ?? 0);
      const charge = of("deduct");
      const refund = of("refund");
      await db
        .update(t.ledger)
        .set({
          chargeMicros: charge,
          refundMicros: refund,
          billedAt: now,
          amountMicros: Math.max(0, charge - refund),
          state: "charged",
          updatedAt: now,
        })
        .where(eq(t.ledger.jobId, job.id));
      applied += 1;
    }
  }
  return applied;
}

/** Whether a pull would learn something: a charged job not billed yet, or a job that ended since the last pull. */
export async function billingDue(doneAt: number, now: number): Promise<boolean> {
  const { db, t } = await getDb();
  const [row] = await db
    .select({ id: t.ledger.jobId })
    .from(t.ledger)
    .innerJoin(t.jobs, eq(t.jobs.id, t.ledger.jobId))
    .where(
      and(
        eq(t.ledger.state, "charged"),
        sql`${t.ledger.createdAt} > ${now - 7 * 24 * 3600 * 1000}`,
        or(isNull(t.ledger.billedAt), sql`${t.jobs.finishedAt} > ${doneAt}`),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export type LedgerLine = {
  jobId: string;
  userId: string | null;
  at: number;
  duration: number;
  model: string;
  status: string;
  taskId: string | null;
  quoteMicros: number;
  amountMicros: number;
  state: string;
  failed: boolean;
  chargeMicros: number | null;
  refundMicros: number | null;
};

/** Every ledger row created in [from, to), with its job's quote, status and task id; oldest first. */
export async function ledgerLines(from: number, to: number): Promise<LedgerLine[]> {
  const { db, t } = await getDb();
  return db
    .select({
      jobId: t.ledger.jobId,
      userId: t.ledger.userId,
      at: t.ledger.createdAt,
      duration: t.jobs.duration,
      model: t.jobs.model,
      status: t.jobs.status,
      taskId: t.jobs.upstreamId,
      quoteMicros: t.jobs.priceMicros,
      amountMicros: t.ledger.amountMicros,
      state: t.ledger.state,
      failed: t.ledger.failed,
      chargeMicros: t.ledger.chargeMicros,
      refundMicros: t.ledger.refundMicros,
    })
    .from(t.ledger)
    .innerJoin(t.jobs, eq(t.jobs.id, t.ledger.jobId))
    .where(and(sql`${t.ledger.createdAt} >= ${from}`, sql`${t.ledger.createdAt} < ${to}`))
    .orderBy(t.ledger.createdAt, t.ledger.jobId);
}

/** Billing items in [from, to) for tasks no job of Keyframe's made: other use of the key. */
export async function otherUse(from: number, to: number) {
  const { db, t } = await getDb();
  return db
    .select({
      uuid: t.billingItems.uuid,
      taskId: t.billingItems.taskId,
      kind: t.billingItems.kind,
      priceMicros: t.billingItems.priceMicros,
      at: t.billingItems.at,
      model: t.billingItems.model,
    })
    .from(t.billingItems)
    .where(
      and(
        sql`${t.billingItems.at} >= ${from}`,
        sql`${t.billingItems.at} < ${to}`,
        sql`not exists (select 1 from ${t.jobs} where ${t.jobs.upstreamId} = ${t.billingItems.taskId})`,
      ),
    )
    .orderBy(t.billingItems.at);
}

/** The charge and refund WaveSpeed's billing gave each of these jobs, for those whose billing has been pulled. */
export async function chargesOf(jobIds: string[]): Promise<{ jobId: string; chargeMicros: number; refundMicros: number }[]> {
  if (jobIds.length === 0) return [];
  const { db, t } = await getDb();
  const rows = await db
    .select({ jobId: t.ledger.jobId, chargeMicros: t.ledger.chargeMicros, refundMicros: t.ledger.refundMicros })
    .from(t.ledger)
    .where(and(inArray(t.ledger.jobId, jobIds), isNotNull(t.ledger.chargeMicros)));
  return rows.map((r) => ({ jobId: r.jobId, chargeMicros: r.chargeMicros ?? 0, refundMicros: r.refundMicros ?? 0 }));
}
