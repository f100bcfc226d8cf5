import { z } from "zod";
import { BATCH_MAX_ROWS } from "@/lib/batches/limits";
import { GROUP_SOURCES } from "@/lib/db/enums";
import { DURATION_ANY_MAX, DURATION_ANY_MIN, SEED_MAX, SEED_MIN } from "@/lib/model/seedance";

/**
 * A batch row as sent: every value as text, number or flag (a CSV's cells are all text). The row's values
 * are checked by the single generate's schema (lib/validations/generate.ts), row by row, after this.
 */
const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();
export const batchRowSchema = z
  .object({
    image: cell,
    end_image: cell,
    prompt: cell,
    duration: cell,
    aspect_ratio: cell,
    camera_fixed: cell,
    seed: cell,
    variations: cell,
    model: cell,
    resolution: cell,
    generate_audio: cell,
  })
  .strict();
export type BatchRowInput = z.infer<typeof batchRowSchema>;

const name = z.string().trim().max(120, "A batch name can be at most 120 characters.").optional();
const rows = z
  .array(z.record(z.string(), z.unknown()), { error: "rows must be an array of objects." })
  .min(1, "The batch has no rows.")
  .max(BATCH_MAX_ROWS, `A batch can have at most ${BATCH_MAX_ROWS} rows.`);

const wholeNumbers = (label: string, min: number, max: number) => {
  const message = `${label} must be whole numbers from ${min} to ${max}.`;
  return z
    .array(z.coerce.number(message).int(message).min(min, message).max(max, message), { error: `${label} must be a list.` })
    .min(1, `Give at least one ${label.toLowerCase().replace(/s$/, "")}.`);
};

/** prompts × seeds × durations, one start image (a URL, or in multipart the name of an `image` part). */
export const sweepSchema = z.object({
  image: z.string({ error: "The sweep needs a start image." }).trim().min(1, "The sweep needs a start image."),
  end_image: z.string().trim().optional(),
  prompts: z.array(z.string(), { error: "prompts must be a list." }).min(1, "Give at least one prompt."),
  seeds: wholeNumbers("Seeds", SEED_MIN, SEED_MAX),
  durations: wholeNumbers("Durations", DURATION_ANY_MIN, DURATION_ANY_MAX),
  aspect_ratio: z.string().optional(),
  camera_fixed: z.union([z.boolean(), z.string()]).optional(),
  model: z.string().optional(),
  resolution: z.string().optional(),
  generate_audio: z.union([z.boolean(), z.string()]).optional(),
  variations: z.union([z.number(), z.string()]).optional(),
});
export type Sweep = z.infer<typeof sweepSchema>;

/** The JSON bodies of POST /api/batches and /api/batches/preview: rows, or a sweep. */
export const batchRowsBodySchema = z.object({ name, rows, confirmDuplicate: z.boolean().optional() }).strict();
export const batchSweepBodySchema = z.object({ name, sweep: sweepSchema, confirmDuplicate: z.boolean().optional() }).strict();
export const batchBodySchema = z.union([batchRowsBodySchema, batchSweepBodySchema]);
export type BatchBody = z.infer<typeof batchBodySchema>;

/** A .json batch file: an array of rows, or `{ rows }`. */
export const batchFileSchema = z.union([rows, z.object({ name, rows })]);

export const batchListQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) });

/** Answers (for the API reference; the routes build them from typed values). */
export const batchViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  source: z.enum(GROUP_SOURCES),
  total: z.number().int(),
  queued: z.number().int(),
  running: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
});

const rowError = z.object({ field: z.string(), message: z.string() });
export const batchPreviewSchema = z.object({
  name: z.string(),
  source: z.enum(GROUP_SOURCES),
  rows: z.array(
    z.object({
      line: z.number().int(),
      ok: z.boolean(),
      errors: z.array(rowError),
      takes: z.number().int(),
      priceMicros: z.number().int(),
      priceLabel: z.string(),
      values: z.record(z.string(), z.string()),
      repeat: z.object({ line: z.number().int(), message: z.string(), duplicateOf: z.string().optional() }).nullable(),
    }),
  ),
  takes: z.number().int(),
  totalMicros: z.number().int(),
  totalLabel: z.string(),
  fits: z.boolean(),
  capsLeft: z
    .object({ cap: z.string(), label: z.string(), leftMicros: z.number().int(), leftLabel: z.string(), resetsAt: z.string() })
    .nullable(),
  caps: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      limitMicros: z.number(),
      spentMicros: z.number(),
      leftMicros: z.number(),
      resetsAt: z.string(),
    }),
  ),
  problem: z.string().nullable(),
});

/** 400 for a batch with invalid rows: every problem by line and field. */
export const batchInvalidSchema = z.object({
  error: z.object({ code: z.literal("invalid"), message: z.string(), rows: z.array(rowError.extend({ line: z.number().int() })) }),
});
