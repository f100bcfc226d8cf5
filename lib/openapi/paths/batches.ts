import { z } from "zod";
import { batchBodySchema, batchInvalidSchema, batchListQuerySchema, batchPreviewSchema, batchViewSchema } from "@/lib/validations/batch";
import { idPath, type AreaPaths } from "../operation";
import { jobViewSchema } from "../schemas/jobs";

const batchFormSchema = z.object({
  file: z.file().meta({ description: "A .csv (header row: the row keys) or .json of rows." }),
  images: z.file().optional().meta({ description: "A .zip of the images the rows name." }),
  image: z.array(z.file()).optional().meta({ description: "Image file parts, matched to rows by file name." }),
  name: z.string().optional(),
});
const batchWithJobs = z.object({ batch: batchViewSchema, jobs: z.array(jobViewSchema) });
const FILE = "JSON rows or a sweep, or a multipart upload of a .csv or .json file with its images (a .zip, or `image` parts).";

export const batchPaths: AreaPaths = {
  "/api/batches/preview": {
    post: {
      tag: "Batches",
      id: "previewBatch",
      summary: "Check every row and price the batch, storing nothing",
      description: FILE,
      access: "member",
      json: batchBodySchema,
      multipart: batchFormSchema,
      answers: [{ status: 200, description: "Each row's problems and the total against the caps.", schema: batchPreviewSchema }],
      refusals: [400],
    },
  },
  "/api/batches": {
    get: {
      tag: "Batches",
      id: "listBatches",
      summary: "Your batches, newest first",
      access: "member",
      answers: [{ status: 200, description: "The batches.", schema: z.object({ batches: z.array(batchViewSchema) }) }],
      query: batchListQuerySchema,
    },
    post: {
      tag: "Batches",
      id: "createBatch",
      summary: "Run a batch: all rows, or none if any is invalid",
      description: `${FILE} A repeat with the same Idempotency-Key answers 200 with the same batch.`,
      access: "member",
      idempotent: true,
      json: batchBodySchema,
      multipart: batchFormSchema,
      answers: [
        { status: 201, description: "The batch and its takes.", schema: batchWithJobs },
        { status: 200, description: "The batch an earlier request with this key made.", schema: batchWithJobs },
      ],
      refusals: [
        {
          status: 400,
          description: "Rows refused, each with its line and field; nothing stored.",
          schema: batchInvalidSchema.meta({ id: "BatchError" }),
        },
        403,
        409,
        413,
        422,
        429,
      ],
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
