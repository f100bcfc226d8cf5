import type { TeamSettings } from "@/lib/validations/team";

/**
 * Saves the team settings the route tests start from (no caps, no balance warning, public share links,
 * 100 submits a minute, failed tasks billed) with `patch` on top. Call after setupApp().
 */
export async function teamSettings(patch: Partial<TeamSettings> = {}): Promise<TeamSettings> {
  const { saveTeamSettings } = await import("@/lib/team/settings");
  const { TEAM_DEFAULTS } = await import("@/lib/validations/team");
  return saveTeamSettings({
    ...TEAM_DEFAULTS,
    teamDailyCapUsd: null,
    teamMonthlyCapUsd: null,
    memberDailyCapUsd: null,
    memberMonthlyCapUsd: null,
    balanceWarnUsd: null,
    defaultShareVisibility: "public",
    submitsPerMinute: 100,
    billsFailedTasks: true,
    ...patch,
  });
}
