import "server-only";
import type * as z from "zod";
import type { batchPreviewSchema } from "@/lib/validations/batch";
import type { SessionUser } from "@/lib/auth/user";
import { formatUsd } from "@/lib/model/price";
import { getTeamSettings } from "@/lib/team/settings";
import { capViews, type CapView } from "@/lib/team/spend";
import { checkBatch, rowView, type CheckedBatch, type CheckedRow } from "./check";
import type { BatchInput } from "./input";
import { findRepeats, type Repeat } from "./repeats";

export type CapsLeft = { cap: string; label: string; leftMicros: number; leftLabel: string; resetsAt: string } | null;
/** A row as checked, with its cells as read (text), and whether it repeats a take. */
export type PreviewRow = CheckedRow & { values: Record<string, string>; repeat: Repeat | null };
/** `fits`: every row valid, within the limits, and the total within every cap; `capsLeft`: the tightest cap (null: none set). */
export type BatchPreview = z.infer<typeof batchPreviewSchema>;

const cellText = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (v === undefined || v === null || v === "" ? [] : [[k, String(v)]])));

/** The cap that leaves the least, and whether the total fits under it. */
export function tightestCap(caps: CapView[]): CapsLeft {
  const tightest = caps.reduce<CapView | null>((min, c) => (min === null || c.leftMicros < min.leftMicros ? c : min), null);
  if (!tightest) return null;
  const { key, label, leftMicros, resetsAt } = tightest;
  return { cap: key, label, leftMicros, leftLabel: formatUsd(leftMicros), resetsAt };
}

export function batchProblem(batch: CheckedBatch, capsLeft: CapsLeft): string | null {
  const bad = batch.rows.filter((r) => !r.ok);
  if (bad.length > 0)
    return `${bad.length} row${bad.length === 1 ? "" : "s"} need${bad.length === 1 ? "s" : ""} fixing (line${bad.length === 1 ? "" : "s"} ${bad.map((r) => r.line).join(", ")}).`;
  if (batch.problem) return batch.problem;
  if (capsLeft && batch.totalMicros > capsLeft.leftMicros) {
    return `This batch costs ${formatUsd(batch.totalMicros)}, more than the ${capsLeft.leftLabel} left under ${capsLeft.label}.`;
  }
  return null;
}

/** Each row's validation, takes and price, the total, and what the caps leave: nothing stored, nothing sent. */
export async function previewBatch(input: BatchInput, user: SessionUser): Promise<BatchPreview> {
  const batch = await checkBatch(input);
  const [caps, repeats] = await Promise.all([getTeamSettings().then((team) => capViews(user.id, team)), findRepeats(batch)]);
  const capsLeft = tightestCap(caps);
  const problem = batchProblem(batch, capsLeft);
  return {
    name: input.name,
    source: input.source,
    rows: batch.rows.map((row, i) => ({
      ...rowView(row),
      values: cellText(input.rows[i]!.values),
      repeat: repeats.find((r) => r.line === row.line) ?? null,
    })),
    takes: batch.takes,
    totalMicros: batch.totalMicros,
    totalLabel: formatUsd(batch.totalMicros),
    fits: problem === null,
    capsLeft,
    caps,
    problem,
  };
}
