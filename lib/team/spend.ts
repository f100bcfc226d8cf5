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

/** Money that counts: reserved or charged, not released. */
const spentSql = (userId: string | null, since: number) =>
  sql`(select coalesce(sum(${ledger.amountMicros}), 0) from ${ledger} where ${ledger.state} != 'released' and ${ledger.createdAt} >= ${since}${
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
        caps.map((c) => sql`${spentSql(c.userOnly ? userId : null, c.since)} + ${total} <= ${c.limit}`),
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
  for (const cap of caps) {
    const [row] = await db
      .select({ spent: sql<number>`coalesce(sum(${ledger.amountMicros}), 0)` })
      .from(ledger)
      .where(and(ne(ledger.state, "released"), gte(ledger.createdAt, cap.since), cap.userOnly ? eq(ledger.userId, userId) : undefined));
    const left = Math.max(0, cap.limit - Number(row?.spent ?? 0));
    if (total > left) {
      throw new AppError(
        "spend_cap",
        `This costs ${formatUsd(total)}, which would cross ${cap.label} of ${formatUsd(cap.limit)}: ${formatUsd(left)} is left, and ${resetText(cap.resetsAt, now)}.`,
        undefined,
        undefined,
        { cap: cap.key, leftMicros: left, resetsAt: new Date(cap.resetsAt).toISOString() },
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

export type SpendSummary = { me: { today: number; month: number }; team: { today: number; month: number } };

/** Spend in micro-USD for the header: mine and the team's, today and this month (UTC). */
export async function spendSummary(userId: string): Promise<SpendSummary> {
  const db = await getDb();
  const w = windows(Date.now());
  const sum = (since: number, mine: boolean) =>
    sql<number>`coalesce(sum(case when ${ledger.createdAt} >= ${since}${mine ? sql` and ${ledger.userId} = ${userId}` : sql``} then ${ledger.amountMicros} else 0 end), 0)`;
  const [row] = await db
    .select({
      meToday: sum(w.dayStart, true),
      meMonth: sum(w.monthStart, true),
      teamToday: sum(w.dayStart, false),
      teamMonth: sum(w.monthStart, false),
    })
    .from(ledger)
    .where(and(ne(ledger.state, "released"), gte(ledger.createdAt, Math.min(w.dayStart, w.monthStart))));
  return {
    me: { today: Number(row?.meToday ?? 0), month: Number(row?.meMonth ?? 0) },
    team: { today: Number(row?.teamToday ?? 0), month: Number(row?.teamMonth ?? 0) },
  };
}
