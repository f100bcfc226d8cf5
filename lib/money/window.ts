import { windows } from "@/lib/team/spend";

const DAY = 24 * 3600 * 1000;

/** A report's [from, to) in epoch ms: whole UTC days, `to` inclusive; by default this month so far. */
export function ledgerWindow(q: { from?: string; to?: string }, now: number): { from: number; to: number } {
  const from = q.from ? Date.parse(`${q.from}T00:00:00Z`) : windows(now).monthStart;
  const to = q.to ? Date.parse(`${q.to}T00:00:00Z`) + DAY : windows(now).dayEnd;
  return { from, to };
}
