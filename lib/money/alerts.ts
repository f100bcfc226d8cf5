import "server-only";
import { randomUUID } from "node:crypto";
import { noteDeliveryError, recordAlert, type NewAlert } from "@/lib/db/queries/alerts";
import { userNames } from "@/lib/db/queries/users";
import { spendByMember, spendTotals } from "@/lib/db/queries/ledger";
import type { Hook, HookDelivery } from "@/lib/db/schema";
import { postDelivery } from "@/lib/hooks/post";
import { formatUsd } from "@/lib/model/price";
import { accountBalance } from "@/lib/team/balance";
import { CAP_SETTINGS, windows } from "@/lib/team/spend";
import { getTeamSettings } from "@/lib/team/settings";
import { alertSecret, getAlertSettings } from "./alert-settings";

type Crossing = Omit<NewAlert, "key" | "firedAt" | "message"> & { label: string };

const micros = (usd: number | null) => (usd === null ? null : Math.round(usd * 1_000_000));

/** Every threshold each cap has crossed this period: the team's, and each member's under the per-member caps. */
async function crossings(now: number, thresholds: number[]): Promise<Crossing[]> {
  const team = await getTeamSettings();
  const w = windows(now);
  const totals = await spendTotals("", w.dayStart, w.monthStart, team.billsFailedTasks);
  const members = await spendByMember(w.dayStart, w.monthStart, team.billsFailedTasks);
  const out: Crossing[] = [];
  for (const cap of CAP_SETTINGS) {
    const limit = micros(team[cap.setting]);
    if (!limit) continue;
    const periodStart = cap.window === "today" ? w.dayStart : w.monthStart;
    const pick = (s: { today: number; month: number }) => (cap.window === "today" ? s.today : s.month);
    const spends = cap.perMember
      ? members.map((s) => ({ userId: s.userId, spent: pick(s) }))
      : [{ userId: null, spent: pick(totals.team) }];
    for (const { userId, spent } of spends)
      for (const percent of thresholds)
        if (spent * 100 >= limit * percent)
          out.push({ kind: cap.key, label: cap.title, userId, percent, periodStart, spentMicros: spent, limitMicros: limit });
  }
  return out;
}

const describe = (c: Crossing, names: Map<string, string>) =>
  `Keyframe: ${c.percent}% of the cap "${c.label}"${c.userId ? ` for ${names.get(c.userId) ?? "a former member"}` : ""} is spent: ${formatUsd(c.spentMicros)} of ${formatUsd(c.limitMicros)}.`;

/** Sends one alert to the Slack-compatible incoming webhook and the signed JSON webhook, whichever are set. */
async function send(alert: NewAlert, urls: { slackUrl: string | null; webhookUrl: string | null }): Promise<string | null> {
  const secret = await alertSecret();
  const errors: string[] = [];
  const post = async (url: string, body: string) => {
    const attempt = await postDelivery({ url, secret } as Hook, { id: `alert_${randomUUID()}`, body } as HookDelivery);
    if (!attempt.ok) errors.push(attempt.error ?? `The receiver answered ${attempt.status}.`);
  };
  if (urls.slackUrl) await post(urls.slackUrl, JSON.stringify({ text: alert.message }));
  if (urls.webhookUrl) {
    const { key: _key, ...rest } = alert;
    await post(urls.webhookUrl, JSON.stringify({ type: "spend_alert", ...rest, firedAt: new Date(alert.firedAt).toISOString() }));
  }
  return errors.length ? errors.join(" ") : null;
}

/**
 * Fires each crossed threshold once per period (the database decides which instance sends it), and the balance
 * floor once a day. Called after billing pulls and on the puller's tick.
 */
export async function checkAlerts(now = Date.now()): Promise<NewAlert[]> {
  const settings = await getAlertSettings();
  const names = await userNames();
  const found = (await crossings(now, settings.thresholds)).map((c): NewAlert => ({
    key: `${c.kind}:${c.userId ?? "team"}:${c.percent}:${c.periodStart}`,
    kind: c.kind,
    userId: c.userId,
    percent: c.percent,
    periodStart: c.periodStart,
    spentMicros: c.spentMicros,
    limitMicros: c.limitMicros,
    message: describe(c, names),
    firedAt: now,
  }));
  const floor = micros((await getTeamSettings()).balanceWarnUsd);
  if (floor !== null) {
    const balance = await accountBalance();
    if (balance.usd !== null && balance.usd * 1_000_000 < floor) {
      const day = windows(now).dayStart;
      const message = `Keyframe: the WaveSpeed balance is ${formatUsd(balance.usd * 1_000_000)}, under the floor of ${formatUsd(floor)}.`;
      found.push({
        key: `balance:${day}`,
        kind: "balance",
        userId: null,
        percent: 100,
        periodStart: day,
        spentMicros: Math.round(balance.usd * 1e6),
        limitMicros: floor,
        message,
        firedAt: now,
      });
    }
  }
  const fired: NewAlert[] = [];
  for (const alert of found) {
    if (!(await recordAlert(alert))) continue;
    fired.push(alert);
    await noteDeliveryError(alert.key, await send(alert, settings));
  }
  return fired;
}
