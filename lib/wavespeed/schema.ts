import { z } from "zod";

/** WaveSpeed adds fields over time: validate what we use, let the rest through. */
export const taskSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  outputs: z.array(z.string()).nullish(),
  has_nsfw_contents: z.array(z.boolean()).nullish(),
  error: z.string().nullish(),
  /** WaveSpeed's error code for a failed task (e.g. 5004), when it sends one. */
  code: z.number().nullish(),
  created_at: z.string().nullish(),
  timings: z.looseObject({ inference: z.number().nullish() }).nullish(),
});

export const envelopeSchema = <T extends z.ZodType>(data: T) => z.looseObject({ code: z.number(), message: z.string().nullish(), data });

export const balanceSchema = z.looseObject({ balance: z.number() });

export type WireTask = z.infer<typeof taskSchema>;

export const webhookSecretSchema = z.looseObject({ secret: z.string().min(8) });
