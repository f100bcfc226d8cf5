import "server-only";
import { getTeamSettings } from "@/lib/team/settings";
import { windows } from "@/lib/team/spend";
import { usageDays } from "@/lib/wavespeed/books";
import type { WaveSpeedClient } from "@/lib/wavespeed/client";
import { ledgerReport, type LedgerRow } from "./report";

export type SpendReport = {
  from: string;
  to: string;
  totalMicros: number;
  byMember: { who: string; micros: number; takes: number }[];
  byModel: { model: string; micros: number; takes: number }[];
  /** Each UTC day: Keyframe's ledger, and WaveSpeed's own total for the key (null when it could not be asked). */
  byDay: { date: string; keyframeMicros: number; wavespeedMicros: number | null }[];
  month: { soFarMicros: number; projectedMicros: number; capMicros: number | null };
  otherUseMicros: number;
  flagged: { jobId: string; taskId: string | null; quoteMicros: number; chargeMicros: number | null }[];
  unmatched: number;
  wavespeedError: string | null;
};

const DAY = 24 * 3600 * 1000;

function group<K extends string>(rows: LedgerRow[], by: (r: LedgerRow) => string, name: K) {
  const map = new Map<string, { micros: number; takes: number }>();
  for (const r of rows) {
    const g = map.get(by(r)) ?? { micros: 0, takes: 0 };
    g.micros += r.countedMicros;
    g.takes += r.countedMicros > 0 ? 1 : 0;
    map.set(by(r), g);
  }
  return [...map]
    .map(([k, v]) => ({ [name]: k, ...v }) as Record<K, string> & { micros: number; takes: number })
    .sort((a, b) => b.micros - a.micros);
}

/** Spend over [from, to) by member, model and day (WaveSpeed's daily totals beside), and this month's projection. */
export async function spendReport(client: WaveSpeedClient, from: number, to: number, now = Date.now()): Promise<SpendReport> {
  const report = await ledgerReport(from, to);
  const w = windows(now);
  const month = from === w.monthStart ? report : await ledgerReport(w.monthStart, w.monthEnd);
  let usage: Map<string, number> | null = null;
  let wavespeedError: string | null = null;
  try {
    usage = new Map((await usageDays(client, { from, to })).map((d) => [d.date, d.costMicros]));
  } catch (error) {
    wavespeedError = `WaveSpeed's usage could not be read: ${(error as Error).message}`;
  }
  const byDay: SpendReport["byDay"] = [];
  for (let day = from; day < to && day <= now; day += DAY) {
    const date = new Date(day).toISOString().slice(0, 10);
    const keyframeMicros = report.rows.filter((r) => r.when.startsWith(date)).reduce((s, r) => s + r.countedMicros, 0);
    byDay.push({ date, keyframeMicros, wavespeedMicros: usage ? (usage.get(date) ?? 0) : null });
  }
  const elapsed = Math.max(1, now - w.monthStart);
  const cap = (await getTeamSettings()).teamMonthlyCapUsd;
  return {
    from: report.from,
    to: report.to,
    totalMicros: report.totalMicros,
    byMember: group(report.rows, (r) => r.who, "who"),
    byModel: group(report.rows, (r) => r.model, "model"),
    byDay,
    month: {
      soFarMicros: month.totalMicros,
      projectedMicros: Math.round((month.totalMicros * (w.monthEnd - w.monthStart)) / elapsed),
      capMicros: cap === null ? null : Math.round(cap * 1_000_000),
    },
    otherUseMicros: report.otherUseMicros,
    flagged: report.rows
      .filter((r) => r.flagged)
      .map((r) => ({ jobId: r.jobId, taskId: r.taskId, quoteMicros: r.quoteMicros, chargeMicros: r.chargeMicros })),
    unmatched: report.unmatched,
    wavespeedError,
  };
}
