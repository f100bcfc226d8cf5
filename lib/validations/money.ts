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
