import { z } from "zod";
import { teamSettingsSchema } from "@/lib/validations/team";
import { isoTime } from "./common";

export const memberSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(["admin", "member"]),
    disabled: z.boolean(),
    createdAt: isoTime,
  })
  .meta({ id: "Member" });

export const memberListSchema = z.object({ members: z.array(memberSchema) }).meta({ id: "MemberList" });

/** The settings as stored (the same schema admins send, without `confirmRefusals`). */
export const teamSettingsViewSchema = teamSettingsSchema.meta({ id: "TeamSettings" });

const window = z.object({ today: z.number().int(), month: z.number().int() });

export const spendSchema = z
  .object({
    spend: z.object({ me: window, team: window, failed: z.object({ me: window, team: window }) }),
    caps: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        limitMicros: z.number().int(),
        spentMicros: z.number().int(),
        leftMicros: z.number().int(),
        resetsAt: isoTime,
      }),
    ),
    billsFailedTasks: z.boolean(),
    balance: z
      .object({ usd: z.number().nullable(), error: z.string().nullable(), warnBelowUsd: z.number().nullable() })
      .optional()
      .meta({ description: "Admins only: the WaveSpeed balance." }),
    keyRefused: z
      .object({ status: z.number().int(), message: z.string(), at: isoTime, notice: z.string() })
      .nullable()
      .optional()
      .meta({ description: "Admins only: set while WaveSpeed refuses the API key." }),
    alerts: z.number().int().optional().meta({ description: "Admins only: spend alerts of the last month not yet seen." }),
  })
  .meta({ id: "Spend", description: "Amounts in micro-USD (1 USD = 1,000,000), UTC day and month." });

export const healthSchema = z
  .object({
    ok: z.boolean(),
    instance: z.string(),
    database: z.boolean(),
    storage: z.boolean(),
    worker: z.boolean(),
    mode: z.string(),
    draining: z.literal(true).optional(),
    backends: z.object({ database: z.string().nullable(), storage: z.string().nullable() }),
  })
  .meta({ id: "Health" });
