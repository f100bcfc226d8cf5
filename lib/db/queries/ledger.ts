import "server-only";
import { and, eq, gte, inArray, isNotNull, ne, or, sql, type SQL } from "drizzle-orm";
import { getDb, type Conn } from "../client";

/** A spend cap as the ledger sees it: at most `limit` micro-USD since `since`, for one member or the team. */
export type CapGuard = { key: string; limit: number; since: number; userOnly: boolean };

/**
 * Money that counts: reserved or charged, not released. Its amount is the quote until WaveSpeed's billing is
 * pulled, then the charge net of refunds (lib/money/billing.ts). A failed take whose billing is not known yet
 * counts only while the team says failed tasks are billed.
 */
function counted(t: Conn["t"], billsFailed: boolean): SQL {
  if (billsFailed) return ne(t.ledger.state, "released");
  return and(ne(t.ledger.state, "released"), or(eq(t.ledger.failed, false), isNotNull(t.ledger.billedAt)))!;
}

/**
 * Checks every cap and writes one reserved row per job in a single INSERT … SELECT … WHERE, under the
 * "spend" lock: concurrent submits (on any instance) cannot both fit into the last room under a cap.
 * False when they do not fit; nothing is written then.
 */
export async function reserveUnderCaps(
  userId: string,
  items: { jobId: string; amountMicros: number }[],
  guards: CapGuard[],
  billsFailed: boolean,
): Promise<boolean> {
  const backend = await getDb();
  const now = Date.now();
  const total = items.reduce((sum, i) => sum + i.amountMicros, 0);
  return backend.exclusive("spend", async ({ run, t }) => {
    const spent = (g: CapGuard) =>
      sql`(select coalesce(sum(${t.ledger.amountMicros}), 0) from ${t.ledger} where ${counted(t, billsFailed)} and ${t.ledger.createdAt} >= cast(${g.since} as bigint)${
        g.userOnly ? sql` and ${t.ledger.userId} = ${userId}` : sql``
      })`;
    const fits = guards.length
      ? sql.join(
          guards.map((g) => sql`${spent(g)} + cast(${total} as bigint) <= cast(${g.limit} as bigint)`),
          sql` and `,
        )
      : sql`1 = 1`;
    const values = sql.join(
      items.map((i) => sql`(cast(${i.jobId} as text), cast(${i.amountMicros} as bigint))`),
      sql`, `,
    );
    const written = await run(sql`
      insert into ${t.ledger} (job_id, user_id, amount_micros, state, created_at, updated_at)
      select v.column1, cast(${userId} as text), v.column2, 'reserved', cast(${now} as bigint), cast(${now} as bigint)
      from (values ${values}) as v where ${fits}`);
    return written === items.length;
  });
}

/** What counts under each cap for this member now, by cap key. */
export async function spentUnder(userId: string, guards: CapGuard[], billsFailed: boolean): Promise<Record<string, number>> {
  if (guards.length === 0) return {};
  const { db, t } = await getDb();
  const sum = (g: CapGuard) =>
    sql<number>`coalesce(sum(case when ${t.ledger.createdAt} >= ${g.since}${g.userOnly ? sql` and ${t.ledger.userId} = ${userId}` : sql``} then ${t.ledger.amountMicros} else 0 end), 0)`;
  const [row] = await db
    .select(Object.fromEntries(guards.map((g) => [g.key, sum(g)])))
    .from(t.ledger)
    .where(and(counted(t, billsFailed), gte(t.ledger.createdAt, Math.min(...guards.map((g) => g.since)))));
  return Object.fromEntries(guards.map((g) => [g.key, Number(row?.[g.key] ?? 0)]));
}

/** WaveSpeed accepted the job (or may have): the money counts for good. */
export async function markCharged(jobIds: string[]): Promise<void> {
  if (jobIds.length === 0) return;
  const { db, t } = await getDb();
  await db.update(t.ledger).set({ state: "charged", updatedAt: Date.now() }).where(inArray(t.ledger.jobId, jobIds));
}

/** The job was charged and WaveSpeed then failed it: shown apart, and counted only while failed tasks are billed. */
export async function markFailed(jobId: string): Promise<void> {
  const { db, t } = await getDb();
  await db
    .update(t.ledger)
    .set({ failed: true, updatedAt: Date.now() })
    .where(and(eq(t.ledger.jobId, jobId), eq(t.ledger.state, "charged")));
}

/** The job never reached WaveSpeed (or was refused outright): its reservation no longer counts. */
export async function release(jobIds: string[]): Promise<void> {
  if (jobIds.length === 0) return;
  const { db, t } = await getDb();
  await db
    .update(t.ledger)
    .set({ state: "released", updatedAt: Date.now() })
    .where(and(inArray(t.ledger.jobId, jobIds), ne(t.ledger.state, "charged")));
}

type Window = { today: number; month: number };
export type SpendTotals = { me: Window; team: Window; failed: { me: Window; team: Window } };

/** Counted spend (mine and the team's, since dayStart and monthStart), and failed takes' spend apart. */
export async function spendTotals(userId: string, dayStart: number, monthStart: number, billsFailed: boolean): Promise<SpendTotals> {
  const { db, t } = await getDb();
  const sum = (since: number, mine: boolean, which: "counted" | "failed") =>
    sql<number>`coalesce(sum(case when ${t.ledger.createdAt} >= ${since}${mine ? sql` and ${t.ledger.userId} = ${userId}` : sql``} and ${
      which === "failed" ? eq(t.ledger.failed, true) : counted(t, billsFailed)
    } then ${t.ledger.amountMicros} else 0 end), 0)`;
  const [row] = await db
    .select({
      meToday: sum(dayStart, true, "counted"),
      meMonth: sum(monthStart, true, "counted"),
      teamToday: sum(dayStart, false, "counted"),
      teamMonth: sum(monthStart, false, "counted"),
      meFailedToday: sum(dayStart, true, "failed"),
      meFailedMonth: sum(monthStart, true, "failed"),
      teamFailedToday: sum(dayStart, false, "failed"),
      teamFailedMonth: sum(monthStart, false, "failed"),
    })
    .from(t.ledger)
    .where(and(ne(t.ledger.state, "released"), gte(t.ledger.createdAt, Math.min(dayStart, monthStart))));
  const n = (v: unknown) => Number(v ?? 0);
  return {
    me: { today: n(row?.meToday), month: n(row?.meMonth) },
    team: { today: n(row?.teamToday), month: n(row?.teamMonth) },
    failed: {
      me: { today: n(row?.meFailedToday), month: n(row?.meFailedMonth) },
      team: { today: n(row?.teamFailedToday), month: n(row?.teamFailedMonth) },
    },
  };
}

export type MemberSpend = { userId: string | null; today: number; month: number; failedMonth: number };

/** Per member since monthStart: counted spend today and this month, and charged takes WaveSpeed then failed. */
export async function spendByMember(dayStart: number, monthStart: number, billsFailed: boolean): Promise<MemberSpend[]> {
  const { db, t } = await getDb();
  const when = (cond: SQL) => sql<number>`coalesce(sum(case when ${cond} then ${t.ledger.amountMicros} else 0 end), 0)`;
  const rows = await db
    .select({
      userId: t.ledger.userId,
      today: when(and(counted(t, billsFailed), gte(t.ledger.createdAt, dayStart))!),
      month: when(counted(t, billsFailed)),
      failedMonth: when(eq(t.ledger.failed, true)),
    })
    .from(t.ledger)
    .where(and(ne(t.ledger.state, "released"), gte(t.ledger.createdAt, monthStart)))
    .groupBy(t.ledger.userId);
  return rows.map((r) => ({ userId: r.userId, today: Number(r.today), month: Number(r.month), failedMonth: Number(r.failedMonth) }));
}
