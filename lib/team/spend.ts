import "server-only";
import { and, eq, gte, inArray, ne, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { ledger } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { formatUsd } from "@/lib/model/price";
import type { TeamSettings } from "@/lib/validations/team";

const MICROS = 1_000_000;
const toMicros = (usd: number | null) => (usd === null ? null : Math.round(usd * MICROS));

/** UTC calendar windows: caps reset at 00:00 UTC and on the 1st of the month, 00:00 UTC. */
export function windows(now: number) {
  const d = new Date(now);
  const dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return {
    dayStart,
    dayEnd: dayStart + 24 * 60 * 60 * 1000,
    monthStart,
    monthEnd: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
  };
}

type Cap = { key: string; label: string; limit: number; userOnly: boolean; since: number; resetsAt: number };

function capsFor(team: TeamSettings, now: number): Cap[] {
  const w = windows(now);
  const caps: (Omit<Cap, "limit"> & { limit: number | null })[] = [
    {
      key: "memberDaily",
      label: "your daily cap",
      limit: toMicros(team.memberDailyCapUsd),
      userOnly: true,
      since: w.dayStart,
      resetsAt: w.dayEnd,
    },
    {
      key: "memberMonthly",
      label: "your monthly cap",
      limit: toMicros(team.memberMonthlyCapUsd),
      userOnly: true,
      since: w.monthStart,
      resetsAt: w.monthEnd,
    },
    {
      key: "teamDaily",
      label: "the team's daily cap",
      limit: toMicros(team.teamDailyCapUsd),
      userOnly: false,
      since: w.dayStart,
      resetsAt: w.dayEnd,
    },
    {
      key: "teamMonthly",
      label: "the team's monthly cap",
      limit: toMicros(team.teamMonthlyCapUsd),
      userOnly: false,
      since: w.monthStart,
      resetsAt: w.monthEnd,
    },
  ];
  return caps.filter((c): c is Cap => c.limit !== null);
}

/** Money that counts: reserved or charged, not released (and failed takes only while they are billed). */
const counts = (billsFailed: boolean) =>
  billsFailed ? sql`${ledger.state} != 'released'` : sql`${ledger.state} != 'released' and ${ledger.failed} = 0`;

const spentSql = (userId: string | null, since: number, billsFailed: boolean) =>
  sql`(select coalesce(sum(${ledger.amountMicros}), 0) from ${ledger} where ${counts(billsFailed)} and ${ledger.createdAt} >= ${since}${
    userId === null ? sql`` : sql` and ${ledger.userId} = ${userId}`
  })`;

function resetText(at: number, now: number): string {
  const mins = Math.max(1, Math.round((at - now) / 60000));
  const when = new Date(at).toISOString().slice(0, 16).replace("T", " ");
  return `it resets at ${when} UTC (in ${mins >= 120 ? `${Math.round(mins / 60)} h` : `${mins} min`})`;
}

/**
 * Checks every cap and writes one reserved ledger row per job in a single INSERT … SELECT … WHERE:
 * SQLite runs a statement atomically, so concurrent submits cannot both fit into the last room under a cap.
 * Throws a 403 naming the cap, what is left and when it resets when they do not fit.
 */
export async function reserve(userId: string, items: { jobId: string; amountMicros: number }[], team: TeamSettings): Promise<void> {
  const db = await getDb();
  const now = Date.now();
  const total = items.reduce((sum, i) => sum + i.amountMicros, 0);
  const caps = capsFor(team, now);
  const guard = caps.length
    ? sql.join(
        caps.map((c) => sql`${spentSql(c.userOnly ? userId : null, c.since, team.billsFailedTasks)} + ${total} <= ${c.limit}`),
        sql` and `,
      )
    : sql`1`;
  const values = sql.join(
    items.map((i) => sql`(${i.jobId}, ${i.amountMicros})`),
    sql`, `,
  );
  const result = await db.run(sql`
    insert into ${ledger} (job_id, user_id, amount_micros, state, created_at, updated_at)
    select column1, ${userId}, column2, 'reserved', ${now}, ${now} from (values ${values}) where ${guard}`);
  if (result.rowsAffected === items.length) return;

  // Nothing was written; say which cap, from a fresh read.
  for (const cap of await capViews(userId, team, now)) {
    if (total > cap.leftMicros) {
      throw new AppError(
        "spend_cap",
        `This costs ${formatUsd(total)}, which would cross ${cap.label} of ${formatUsd(cap.limitMicros)}: ${formatUsd(cap.leftMicros)} is left, and ${resetText(Date.parse(cap.resetsAt), now)}.`,
        undefined,
        undefined,
        { cap: cap.key, leftMicros: cap.leftMicros, resetsAt: cap.resetsAt },
      );
    }
  }
  throw new AppError("conflict", "The spend caps changed while sending; try again.");
}

/** WaveSpeed accepted the job (or may have): the money counts for good. */
export async function markCharged(jobId: string): Promise<void> {
  const db = await getDb();
  await db.update(ledger).set({ state: "charged", updatedAt: Date.now() }).where(eq(ledger.jobId, jobId));
}

/** The job never reached WaveSpeed (or was refused outright): its reservation no longer counts. */
export async function release(jobIds: string[]): Promise<void> {
  if (jobIds.length === 0) return;
  const db = await getDb();
  await db
    .update(ledger)
    .set({ state: "released", updatedAt: Date.now() })
    .where(and(inArray(ledger.jobId, jobIds), ne(ledger.state, "charged")));
}

/** The job was charged and WaveSpeed then failed it: shown apart, and counted only while failed tasks are billed. */
export async function markFailed(jobId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(ledger)
    .set({ failed: true, updatedAt: Date.now() })
    .where(and(eq(ledger.jobId, jobId), eq(ledger.state, "charged")));
}

export type CapView = {
  key: string;
  label: string;
  limitMicros: number;
  spentMicros: number;
  leftMicros: number;
  resetsAt: string;
};

/** Every cap that is set, with what this member has left under it now. */
export async function capViews(userId: string, team: TeamSettings, now = Date.now()): Promise<CapView[]> {
  const caps = capsFor(team, now);
  if (caps.length === 0) return [];
  const db = await getDb();
  const spent = (c: Cap) =>
    sql<number>`coalesce(sum(case when ${ledger.createdAt} >= ${c.since}${c.userOnly ? sql` and ${ledger.userId} = ${userId}` : sql``} then ${ledger.amountMicros} else 0 end), 0)`;
  const [row] = await db
    .select(Object.fromEntries(caps.map((c) => [c.key, spent(c)])))
    .from(ledger)
    .where(and(counts(team.billsFailedTasks), gte(ledger.createdAt, Math.min(...caps.map((c) => c.since)))));
  return caps.map((c) => {
    const used = Number(row?.[c.key] ?? 0);
    return {
      key: c.key,
      label: c.label,
      limitMicros: c.limit,
      spentMicros: used,
      leftMicros: Math.max(0, c.limit - used),
      resetsAt: new Date(c.resetsAt).toISOString(),
    };
  });
}

type Window = { today: number; month: number };
export type SpendSummary = {
  /** What counts against the caps: reserved and charged, failed takes included while they are billed. */
  me: Window;
  team: Window;
  /** Charged takes WaveSpeed then failed, whether or not they count. */
  failed: { me: Window; team: Window };
};

/** Spend in micro-USD for the header: mine and the team's, today and this month (UTC), failed takes apart. */
export async function spendSummary(userId: string, team: TeamSettings): Promise<SpendSummary> {
  const db = await getDb();
  const w = windows(Date.now());
  const sum = (since: number, mine: boolean, which: "counted" | "failed") =>
    sql<number>`coalesce(sum(case when ${ledger.createdAt} >= ${since}${mine ? sql` and ${ledger.userId} = ${userId}` : sql``} and ${
      which === "failed" ? sql`${ledger.failed} = 1` : team.billsFailedTasks ? sql`1 = 1` : sql`${ledger.failed} = 0`
    } then ${ledger.amountMicros} else 0 end), 0)`;
  const [row] = await db
    .select({
      meToday: sum(w.dayStart, true, "counted"),
      meMonth: sum(w.monthStart, true, "counted"),
      teamToday: sum(w.dayStart, false, "counted"),
      teamMonth: sum(w.monthStart, false, "counted"),
      meFailedToday: sum(w.dayStart, true, "failed"),
      meFailedMonth: sum(w.monthStart, true, "failed"),
      teamFailedToday: sum(w.dayStart, false, "failed"),
      teamFailedMonth: sum(w.monthStart, false, "failed"),
    })
    .from(ledger)
    .where(and(ne(ledger.state, "released"), gte(ledger.createdAt, Math.min(w.dayStart, w.monthStart))));
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
