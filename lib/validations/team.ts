import { z } from "zod";
import { SHARE_VISIBILITIES } from "@/lib/jobs/types";

const usd = z
  .number({ error: "Enter an amount in USD." })
  .min(0, "Must be 0 or more.")
  .max(1_000_000, "That is more than $1,000,000.")
  .multipleOf(0.001, "Use at most 3 decimals.")
  .nullable();

/** What admins set for the whole team. A cap of null means no cap. */
export const teamSettingsSchema = z.object({
  teamDailyCapUsd: usd,
  teamMonthlyCapUsd: usd,
  memberDailyCapUsd: usd,
  memberMonthlyCapUsd: usd,
  balanceWarnUsd: usd,
  defaultShareVisibility: z.enum(SHARE_VISIBILITIES),
  submitsPerMinute: z.number().int("Use a whole number.").min(1, "At least 1.").max(600, "At most 600."),
  /** WaveSpeed's docs do not say whether failed tasks are billed; yes keeps every cap safe. */
  billsFailedTasks: z.boolean({ error: "Choose yes or no." }),
});
export type TeamSettings = z.infer<typeof teamSettingsSchema>;

/** PUT /api/admin/settings: the settings, and `confirmRefusals: true` to save caps that would refuse someone now. */
export const teamSettingsUpdateSchema = teamSettingsSchema.extend({ confirmRefusals: z.boolean().optional() });
export type TeamSettingsUpdate = z.infer<typeof teamSettingsUpdateSchema>;

export const TEAM_DEFAULTS: TeamSettings = {
  teamDailyCapUsd: null,
  teamMonthlyCapUsd: null,
  memberDailyCapUsd: null,
  memberMonthlyCapUsd: null,
  balanceWarnUsd: 5,
  defaultShareVisibility: "public",
  submitsPerMinute: 10,
  billsFailedTasks: true,
};
