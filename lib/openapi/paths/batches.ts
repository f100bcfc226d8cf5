import { z } from "zod";
import { GROUP_SOURCES } from "@/lib/db/enums";
import { idPath, type AreaPaths } from "../operation";
import { isoTime } from "../schemas/common";
import { jobViewSchema } from "../schemas/jobs";

// Placeholders from the brief's contract, until the batches routes land: the lead swaps in the schemas those
// routes validate with (lib/validations/batches.ts).
const rowSchema = z.object({
  image: z.string().meta({ description: "A file name in the zip or parts, or an http(s) URL." }),
  end_image: z.string().optional(),
  prompt: z.string(),
  duration: z.number().int().optional(),
  aspect_ratio: z.string().optional(),
  camera_fixed: z.boolean().optional(),
  seed: z.number().int().optional(),
  variations: z.number().int().optional(),
});
const batchJsonSchema = z.union([
  z.object({ name: z.string().optional(), rows: z.array(rowSchema) }),
  z.object({
    name: z.string().optional(),
    sweep: z.object({
      image: z.string(),
      end_image: z.string().optional(),
      prompts: z.array(z.string()),
      seeds: z.array(z.number().int()),
      durations: z.array(z.number().int()),
      aspect_ratio: z.string().optional(),
      camera_fixed: z.boolean().optional(),
      variations: z.number().int().optional(),
    }),
  }),
]);
const batchFormSchema = z.object({
  file: z.file().meta({ description: "A .csv (header row: the row keys) or .json of rows." }),
  images: z.file().optional().meta({ description: "A .zip of the images the rows name." }),
  image: z.array(z.file()).optional().meta({ description: "Image file parts, matched to rows by file name." }),
  name: z.string().optional(),
});
const batchSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    source: z.enum(GROUP_SOURCES),
    total: z.number().int(),
    queued: z.number().int(),
    running: z.number().int(),
    completed: z.number().int(),
    failed: z.number().int(),
    cancelled: z.number().int(),
    createdAt: isoTime,
    cancelledAt: isoTime.nullable(),
  })
  .meta({ id: "Batch" });
const batchWithJobs = z.object({ batch: batchSchema, jobs: z.array(jobViewSchema) });
const preview = z.object({
  rows: z.array(
    z.looseObject({ line: z.number().int(), ok: z.boolean(), errors: z.array(z.object({ field: z.string(), message: z.string() })) }),
  ),
  takes: z.number().int(),
  totalMicros: z.number().int(),
  totalLabel: z.string(),
  fits: z.boolean(),
});
const FILE = "JSON rows or a sweep, or a multipart upload of a .csv or .json file with its images (a .zip, or `image` parts).";

export const batchPaths: AreaPaths = {
  "/api/batches/preview": {
    post: {
      tag: "Batches",
      id: "previewBatch",
      summary: "Check every row and price the batch, storing nothing",
      description: FILE,
      access: "member",
      json: batchJsonSchema,
      multipart: batchFormSchema,
      answers: [{ status: 200, description: "Each row's problems and the total against the caps.", schema: preview }],
      refusals: [400],
    },
  },
  "/api/batches": {
    get: {
      tag: "Batches",
      id: "listBatches",
      summary: "Batches",
      access: "member",
      answers: [{ status: 200, description: "The batches.", schema: z.object({ batches: z.array(batchSchema) }) }],
    },
    post: {
      tag: "Batches",
      id: "createBatch",
      summary: "Run a batch: all rows, or none if any is invalid",
      description: `${FILE} A repeat with the same Idempotency-Key answers 200 with the same batch.`,
      access: "member",
      idempotent: true,
      json: batchJsonSchema,
      multipart: batchFormSchema,
      answers: [
        { status: 201, description: "The batch and its takes.", schema: batchWithJobs },
        { status: 200, description: "The batch an earlier request with this key made.", schema: batchWithJobs },
      ],
      refusals: [400, 403, 429],
    },
  },
  "/api/batches/{id}": {
    get: {
      tag: "Batches",
      id: "getBatch",
      summary: "A batch and its takes",
      access: "member",
      path: idPath,
      answers: [{ status: 200, description: "The batch.", schema: batchWithJobs }],
      refusals: [404],
    },
  },
  "/api/batches/{id}/cancel": {
    post: {
      tag: "Batches",
      id: "cancelBatch",
      summary: "Withdraw the batch's takes still queued",
      access: "member",
      path: idPath,
      answers: [{ status: 200, description: "The batch.", schema: batchWithJobs }],
      refusals: [403, 404],
    },
  },
};
