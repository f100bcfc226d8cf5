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

/** `POST /api/v3/model/price`: the list price and, when WaveSpeed gives one, the account's discounted price (USD). */
export const priceSchema = z.looseObject({ price: z.number(), discounted_price: z.number().nullish() });

const jsonSchemaProperty = z.looseObject({
  type: z.string().nullish(),
  minimum: z.number().nullish(),
  maximum: z.number().nullish(),
  enum: z.array(z.unknown()).nullish(),
  default: z.unknown().optional(),
});

/** `GET /api/v3/models`: each model's id, price and request schema (entries that do not parse are skipped). */
export const catalogEntrySchema = z.looseObject({
  model_id: z.string(),
  base_price: z.number().nullish(),
  formula: z.string().nullish(),
  api_schema: z
    .looseObject({
      api_schemas: z
        .array(
          z.looseObject({
            request_schema: z
              .looseObject({ required: z.array(z.string()).nullish(), properties: z.record(z.string(), jsonSchemaProperty).nullish() })
              .nullish(),
          }),
        )
        .nullish(),
    })
    .nullish(),
});
export type WireCatalogEntry = z.infer<typeof catalogEntrySchema>;
/** Just the id of a catalog entry whose other fields do not parse. */
export const listedIdSchema = z.looseObject({ model_id: z.string() });
export const catalogSchema = z.array(z.unknown());
