import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import { AppError } from "@/lib/errors";
import { formatUsd, priceMicros } from "@/lib/model/price";
import { DURATION_MIN } from "@/lib/model/seedance";
import type { TeamSettings, TeamSettingsUpdate } from "@/lib/validations/team";
import { listMembers } from "./members";
import { getTeamSettings, saveTeamSettings } from "./settings";
import { CAP_SETTINGS, memberLedger, type CapSetting } from "./spend";

type CapKey = CapSetting["setting"];

/** A new cap, and who could not generate under it right now, with what each has spent in its window. */
export type CapRefusal = {
  cap: CapKey;
  label: string;
  window: "today" | "month";
  limitMicros: number;
  /** A team cap: what the whole team has spent (every member is refused). */
  teamSpentMicros: number | null;
  members: { id: string; name: string; you: boolean; spentMicros: number }[];
};

/** Less than the cheapest take left under a cap refuses every Generate. */
const CHEAPEST = priceMicros(DURATION_MIN);

/** A cap that can now refuse someone it did not: newly set, lowered, or failed takes now counting. */
function tightened(key: CapKey, next: TeamSettings, current: TeamSettings): number | null {
  const limit = next[key];
  if (limit === null) return null;
  const before = current[key];
  const counted = next.billsFailedTasks && !current.billsFailedTasks;
  return before === null || limit < before || counted ? Math.round(limit * 1_000_000) : null;
}

/** For each cap these settings tighten, the active members (the acting admin as "you") it would refuse today. */
export async function capRefusals(next: TeamSettings, current: TeamSettings, actorId: string): Promise<CapRefusal[]> {
  const caps = CAP_SETTINGS.flatMap((c) => {
    const limitMicros = tightened(c.setting, next, current);
    return limitMicros === null ? [] : [{ ...c, limitMicros }];
  });
  if (caps.length === 0) return [];
  const [members, ledger] = await Promise.all([listMembers(), memberLedger(next)]);
  const spent = new Map(ledger.map((row) => [row.userId, row]));
  const team = { today: ledger.reduce((a, r) => a + r.today, 0), month: ledger.reduce((a, r) => a + r.month, 0) };
  const active = members.filter((m) => !m.disabled);
  return caps.flatMap((c): CapRefusal[] => {
    const everyone = active.map((m) => ({ id: m.id, name: m.name, you: m.id === actorId, spentMicros: spent.get(m.id)?.[c.window] ?? 0 }));
    const teamSpentMicros = c.perMember ? null : team[c.window];
    const refused = everyone.filter((m) => c.limitMicros - (teamSpentMicros ?? m.spentMicros) < CHEAPEST);
    if (refused.length === 0) return [];
    return [{ cap: c.setting, label: c.title, window: c.window, limitMicros: c.limitMicros, teamSpentMicros, members: refused }];
  });
}

const when = (window: "today" | "month") => (window === "today" ? "today" : "this month");

function describe(refusals: CapRefusal[]): string {
  const parts = refusals.map((r) => {
    const names = r.members.map((m) => (m.you ? "you" : m.name));
    const whom =
      r.teamSpentMicros !== null ? `everyone (the team spent ${formatUsd(r.teamSpentMicros)} ${when(r.window)})` : names.join(", ");
    return `${r.label} ${formatUsd(r.limitMicros)} refuses ${whom}`;
  });
  return `These caps would refuse a Generate right now: ${parts.join("; ")}. Confirm to save them anyway.`;
}

/**
 * Saves the team settings, unless a cap they tighten would refuse someone's next Generate right now (the
 * admin saving included): then a 409 that names the cap and whom, until sent again with `confirmRefusals`.
 */
export async function updateTeamSettings(input: TeamSettingsUpdate, actor: SessionUser): Promise<TeamSettings> {
  const { confirmRefusals, ...next } = input;
  if (!confirmRefusals) {
    const refusals = await capRefusals(next, await getTeamSettings(), actor.id);
    if (refusals.length > 0) throw new AppError("conflict", describe(refusals), undefined, undefined, { refusals });
  }
  return saveTeamSettings(next);
}
