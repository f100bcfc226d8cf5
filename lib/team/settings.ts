import "server-only";
import { getSetting, putSetting } from "@/lib/db/queries/settings";
import { teamSettingsSchema, TEAM_DEFAULTS, type TeamSettings } from "@/lib/validations/team";

const KEY = "team";

export async function getTeamSettings(): Promise<TeamSettings> {
  const parsed = teamSettingsSchema.safeParse({ ...TEAM_DEFAULTS, ...((await getSetting(KEY)) as object | undefined) });
  return parsed.success ? parsed.data : TEAM_DEFAULTS;
}

export async function saveTeamSettings(value: TeamSettings): Promise<TeamSettings> {
  await putSetting(KEY, value);
  return value;
}
