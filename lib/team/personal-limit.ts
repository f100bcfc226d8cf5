import "server-only";
import { getSetting, putSetting } from "@/lib/db/queries/settings";
import { AppError } from "@/lib/errors";
import { formatUsd } from "@/lib/model/price";
import { personalLimitSchema, type PersonalLimit } from "@/lib/validations/money";
import type { TeamSettings } from "@/lib/validations/team";

const key = (userId: string) => `limit:${userId}`;
const NONE: PersonalLimit = { dailyUsd: null, monthlyUsd: null };

export async function personalLimit(userId: string): Promise<PersonalLimit> {
  const parsed = personalLimitSchema.safeParse(await getSetting(key(userId)));
  return parsed.success ? parsed.data : NONE;
}

/** Saves a member's own limits; each must be below the cap an admin set for every member (400 on the field otherwise). */
export async function savePersonalLimit(userId: string, limit: PersonalLimit, team: TeamSettings): Promise<PersonalLimit> {
  const fields: Record<string, string> = {};
  const over = (mine: number | null, cap: number | null) => mine !== null && cap !== null && mine > cap;
  if (over(limit.dailyUsd, team.memberDailyCapUsd))
    fields.dailyUsd = `Must be at most the team's daily cap, ${formatUsd(team.memberDailyCapUsd! * 1e6)}.`;
  if (over(limit.monthlyUsd, team.memberMonthlyCapUsd))
    fields.monthlyUsd = `Must be at most the team's monthly cap, ${formatUsd(team.memberMonthlyCapUsd! * 1e6)}.`;
  if (Object.keys(fields).length)
    throw new AppError("validation_failed", "A limit of your own must be lower than the cap an admin set.", fields);
  await putSetting(key(userId), limit);
  return limit;
}
