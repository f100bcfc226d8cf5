import "server-only";
import { ledgerLines, otherUse, type LedgerLine } from "@/lib/db/queries/billing";
import { userNames } from "@/lib/db/queries/users";
import { formatUsd } from "@/lib/model/price";

export type LedgerRow = {
  jobId: string;
  when: string;
  who: string;
  model: string;
  duration: number;
  status: string;
  taskId: string | null;
  quoteMicros: number;
  /** WaveSpeed's charge and refund once its billing is pulled; null until then. */
  chargeMicros: number | null;
  refundMicros: number | null;
  /** What counts: the charge net of refunds when known, else the quote; 0 when nothing was made. */
  countedMicros: number;
  /** WaveSpeed charged something other than the quote. */
  flagged: boolean;
};

export type LedgerReport = {
  from: string;
  to: string;
  rows: LedgerRow[];
  totalMicros: number;
  /** Charges on the key that no job of Keyframe's made (WaveSpeed's web UI, other tools), net of refunds. */
  otherUse: { taskId: string | null; kind: string; priceMicros: number; at: string }[];
  otherUseMicros: number;
  /** Jobs whose charge is known and matched / not yet known. */
  matched: number;
  unmatched: number;
};

const counted = (l: LedgerLine) => (l.state === "released" ? 0 : l.amountMicros);

/** The ledger over [from, to): each job's quote, WaveSpeed's charge and refund, and other use of the key apart. */
export async function ledgerReport(from: number, to: number): Promise<LedgerReport> {
  const [lines, others, names] = await Promise.all([ledgerLines(from, to), otherUse(from, to), userNames()]);
  const rows = lines.map((l): LedgerRow => ({
    jobId: l.jobId,
    when: new Date(l.at).toISOString(),
    who: (l.userId && names.get(l.userId)) ?? "(former member)",
    model: l.model,
    duration: l.duration,
    status: l.status,
    taskId: l.taskId,
    quoteMicros: l.quoteMicros,
    chargeMicros: l.chargeMicros,
    refundMicros: l.refundMicros,
    countedMicros: counted(l),
    flagged: l.chargeMicros !== null && l.chargeMicros !== l.quoteMicros,
  }));
  const sign = (kind: string) => (kind === "refund" ? -1 : 1);
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    rows,
    totalMicros: rows.reduce((sum, r) => sum + r.countedMicros, 0),
    otherUse: others.map((o) => ({ taskId: o.taskId, kind: o.kind, priceMicros: o.priceMicros, at: new Date(o.at).toISOString() })),
    otherUseMicros: others.reduce((sum, o) => sum + sign(o.kind) * o.priceMicros, 0),
    matched: rows.filter((r) => r.chargeMicros !== null).length,
    unmatched: rows.filter((r) => r.chargeMicros === null && r.countedMicros > 0).length,
  };
}

const usd = (micros: number | null) => (micros === null ? "" : (micros / 1_000_000).toFixed(6));
const cell = (v: string | number) => {
  const s = String(v);
  // Quoted, and a leading formula character defused (a spreadsheet would run it).
  return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replaceAll('"', '""')}"`;
};

/** The ledger as CSV: one line per job and a total line equal to the report's total. */
export function ledgerCsv(report: LedgerReport): string {
  const head = [
    "when",
    "who",
    "model",
    "duration_s",
    "quote_usd",
    "charge_usd",
    "refund_usd",
    "counted_usd",
    "status",
    "wavespeed_task_id",
  ];
  const lines = report.rows.map((r) =>
    [
      r.when,
      r.who,
      r.model,
      r.duration,
      usd(r.quoteMicros),
      usd(r.chargeMicros),
      usd(r.refundMicros),
      usd(r.countedMicros),
      r.status,
      r.taskId ?? "",
    ]
      .map(cell)
      .join(","),
  );
  const total = ["total", "", "", "", "", "", "", usd(report.totalMicros), "", ""].map(cell).join(",");
  return [head.join(","), ...lines, total].join("\r\n") + "\r\n";
}

export const describeFlag = (r: LedgerRow) =>
  r.flagged && r.chargeMicros !== null
    ? `WaveSpeed charged ${formatUsd(r.chargeMicros)}; the quote was ${formatUsd(r.quoteMicros)}.`
    : null;
