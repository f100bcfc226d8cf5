import { z } from "zod";

/** An admin's choice for a lost submit: one of the candidate WaveSpeed tasks, or null (it made none). */
export const settleChoiceSchema = z.object({
  taskId: z
    .string({ error: "Choose a WaveSpeed task id, or null if the submit made none." })
    .regex(/^[A-Za-z0-9_-]{1,100}$/, "Must be a WaveSpeed task id.")
    .nullable(),
});

export const settlementViewSchema = z.object({
  jobId: z.string(),
  state: z.enum(["pending", "matched", "none", "ambiguous", "chosen"]),
  candidates: z.array(z.string()),
  taskId: z.string().nullable(),
  windowStart: z.string(),
  windowEnd: z.string(),
});
export type SettlementView = z.infer<typeof settlementViewSchema>;

/** A ledger report's window (default: this month so far, UTC) and its form. */
export const ledgerQuerySchema = z
  .object({
    from: z.iso.date({ error: "Must be a date like 2026-12-01." }).optional(),
    to: z.iso.date({ error: "Must be a date like 2026-12-31." }).optional(),
    format: z.enum(["json", "csv"], { error: "Must be json or csv." }).default("json"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "Must not be before from." });

export const pullResultSchema = z.object({
  state: z.enum(["pulled", "busy", "not_due"]),
  pulled: z.number().int(),
  applied: z.number().int(),
});

const webhookUrl = z
  .url({ protocol: /^https?$/, error: "Must be an http(s) address, e.g. https://hooks.slack.com/services/…" })
  .max(2000, "At most 2000 characters.")
  .nullable();

/** Where and when spend alerts go (admins). The signing secret is Keyframe's own and is not set here. */
export const alertSettingsSchema = z.object({
  /** Percentages of each cap at which an alert fires (once per cap, member and period). */
  thresholds: z
    .array(z.number().int("Use whole percentages.").min(1, "At least 1%.").max(100, "At most 100%."), {
      error: "Give a list of percentages.",
    })
    .max(5, "At most 5 thresholds.")
    .refine((xs) => new Set(xs).size === xs.length, "Each percentage once."),
  slackUrl: webhookUrl,
  webhookUrl,
});
export type AlertSettings = z.infer<typeof alertSettingsSchema>;
export const ALERT_DEFAULTS: AlertSettings = { thresholds: [50, 80, 100], slackUrl: null, webhookUrl: null };

const limitUsd = z
  .number({ error: "Enter an amount in USD." })
  .min(0, "Must be 0 or more.")
  .max(1_000_000, "That is more than $1,000,000.")
  .multipleOf(0.001, "Use at most 3 decimals.")
  .nullable();

/** A member's own limits, under the caps an admin set (null: none of one's own). */
export const personalLimitSchema = z.object({ dailyUsd: limitUsd, monthlyUsd: limitUsd });
export type PersonalLimit = z.infer<typeof personalLimitSchema>;
