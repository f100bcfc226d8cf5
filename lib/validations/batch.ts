import { z } from "zod";
import { BATCH_MAX_ROWS } from "@/lib/batches/limits";
import { DURATION_MAX, DURATION_MIN, SEED_MAX, SEED_MIN } from "@/lib/model/seedance";

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
  })
  .strict();
export type BatchRowInput = z.infer<typeof batchRowSchema>;

const name = z.string().trim().max(120, "A batch name can be at most 120 characters.").optional();
const rows = z
  .array(z.record(z.string(), z.unknown()), { error: "rows must be an array of objects." })
  .min(1, "The batch has no rows.")
  .max(BATCH_MAX_ROWS, `A batch can have at most ${BATCH_MAX_ROWS} rows.`);

const wholeNumbers = (label: string, min: number, max: number) =>
  z
    .array(z.coerce.number().int(`${label} must be whole numbers.`).min(min).max(max), { error: `${label} must be a list.` })
    .min(1, `Give at least one ${label.toLowerCase().replace(/s$/, "")}.`);

/** prompts × seeds × durations, one start image (a URL, or in multipart the name of an `image` part). */
export const sweepSchema = z.object({
  image: z.string({ error: "The sweep needs a start image." }).trim().min(1, "The sweep needs a start image."),
  end_image: z.string().trim().optional(),
  prompts: z.array(z.string(), { error: "prompts must be a list." }).min(1, "Give at least one prompt."),
  seeds: wholeNumbers("Seeds", SEED_MIN, SEED_MAX),
  durations: wholeNumbers("Durations", DURATION_MIN, DURATION_MAX),
  aspect_ratio: z.string().optional(),
  camera_fixed: z.union([z.boolean(), z.string()]).optional(),
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
