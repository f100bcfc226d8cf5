import "server-only";
import { reserveUnderCaps, spendByMember, spendTotals, spentUnder, type CapGuard, type SpendTotals } from "@/lib/db/queries/ledger";
import { AppError } from "@/lib/errors";
import { formatUsd } from "@/lib/model/price";
import type { PersonalLimit } from "@/lib/validations/money";
import type { TeamSettings } from "@/lib/validations/team";
import { personalLimit } from "./personal-limit";

export { markCharged, markFailed, release } from "@/lib/db/queries/ledger";

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

type Cap = CapGuard & { label: string; resetsAt: number };

/** The four caps an admin sets: whom each binds, over which UTC window, and how each is named. */
export const CAP_SETTINGS = [
  {
    setting: "memberDailyCapUsd",
    key: "memberDaily",
    perMember: true,
    window: "today",
    label: "your daily cap",
    title: "Per member, per day",
  },
  {
    setting: "memberMonthlyCapUsd",
    key: "memberMonthly",
    perMember: true,
    window: "month",
    label: "your monthly cap",
    title: "Per member, per month",
  },
  {
    setting: "teamDailyCapUsd",
    key: "teamDaily",
    perMember: false,
    window: "today",
    label: "the team's daily cap",
    title: "Whole team, per day",
  },
  {
    setting: "teamMonthlyCapUsd",
    key: "teamMonthly",
    perMember: false,
    window: "month",
    label: "the team's monthly cap",
    title: "Whole team, per month",
  },
] as const;
export type CapSetting = (typeof CAP_SETTINGS)[number];

function capsFor(team: TeamSettings, now: number, mine: PersonalLimit | null = null): Cap[] {
  const w = windows(now);
  const own: Cap[] = [];
  const daily = toMicros(mine?.dailyUsd ?? null);
  const monthly = toMicros(mine?.monthlyUsd ?? null);
  if (daily !== null)
    own.push({ key: "myDaily", label: "your own daily limit", userOnly: true, since: w.dayStart, resetsAt: w.dayEnd, limit: daily });
  if (monthly !== null)
    own.push({
      key: "myMonthly",
      label: "your own monthly limit",
      userOnly: true,
      since: w.monthStart,
      resetsAt: w.monthEnd,
      limit: monthly,
    });
  return [
    ...CAP_SETTINGS.flatMap((c) => {
      const limit = toMicros(team[c.setting]);
      if (limit === null) return [];
      const [since, resetsAt] = c.window === "today" ? [w.dayStart, w.dayEnd] : [w.monthStart, w.monthEnd];
      return [{ key: c.key, label: c.label, userOnly: c.perMember, since, resetsAt, limit }];
    }),
    ...own,
  ];
}

function resetText(at: number, now: number): string {
  const mins = Math.max(1, Math.round((at - now) / 60000));
  const when = new Date(at).toISOString().slice(0, 16).replace("T", " ");
  return `it resets at ${when} UTC (in ${mins >= 120 ? `${Math.round(mins / 60)} h` : `${mins} min`})`;
}

export type CapView = { key: string; label: string; limitMicros: number; spentMicros: number; leftMicros: number; resetsAt: string };

/** Every cap that is set, with what this member has left under it now. */
export async function capViews(userId: string, team: TeamSettings, now = Date.now()): Promise<CapView[]> {
  const caps = capsFor(team, now, await personalLimit(userId));
  const spent = await spentUnder(userId, caps, team.billsFailedTasks);
  return caps.map((c) => ({
    key: c.key,
    label: c.label,
    limitMicros: c.limit,
    spentMicros: spent[c.key] ?? 0,
    leftMicros: Math.max(0, c.limit - (spent[c.key] ?? 0)),
    resetsAt: new Date(c.resetsAt).toISOString(),
  }));
}

/**
 * Reserves each job's price under every cap in one atomic step, or throws a 403 naming the cap, what is
 * left and when it resets.
 */
export async function reserve(userId: string, items: { jobId: string; amountMicros: number }[], team: TeamSettings): Promise<void> {
  const now = Date.now();
  if (await reserveUnderCaps(userId, items, capsFor(team, now, await personalLimit(userId)), team.billsFailedTasks)) return;
  const total = items.reduce((sum, i) => sum + i.amountMicros, 0);
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

export type SpendSummary = SpendTotals;

/** Spend in micro-USD for the header: mine and the team's, today and this month (UTC), failed takes apart. */
export async function spendSummary(userId: string, team: TeamSettings): Promise<SpendSummary> {
  const w = windows(Date.now());
  return spendTotals(userId, w.dayStart, w.monthStart, team.billsFailedTasks);
}

/** This month's spend per member (the admin's ledger), failed takes apart; most spent first. */
export async function memberLedger(team: TeamSettings) {
  const w = windows(Date.now());
  return (await spendByMember(w.dayStart, w.monthStart, team.billsFailedTasks)).sort((a, b) => b.month - a.month);
}
