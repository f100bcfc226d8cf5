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
