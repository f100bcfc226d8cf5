import { z } from "zod";
import { COPY_STATUSES, JOB_STATUSES, SHARE_VISIBILITIES } from "@/lib/db/enums";
import { ASPECT_RATIOS } from "@/lib/model/seedance";
import { isoTime } from "./common";

const imageRef = z.strictObject({
  src: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  thumb: z.string().nullable().optional(),
});

/** What the API answers for a take (lib/jobs/types.ts JobView); strict, so a new field fails the doc test until it is described. */
export const jobViewSchema = z
  .strictObject({
    id: z.string(),
    batchId: z.string().meta({ description: "Takes made by one submit (its variations) share it." }),
    variation: z.number().int(),
    status: z.enum(JOB_STATUSES),
    createdAt: isoTime,
    changedAt: isoTime,
    prompt: z.string(),
    params: z.strictObject({
      duration: z.number().int(),
      aspectRatio: z.enum(ASPECT_RATIOS).nullable(),
      cameraFixed: z.boolean(),
      seed: z.number().int(),
      enableSafetyChecker: z.boolean(),
    }),
    model: z
      .strictObject({ id: z.string(), name: z.string(), resolution: z.string(), audio: z.boolean() })
      .meta({ description: "The model that made the take (its catalog id and name), its resolution and whether it has sound." }),
    price: z.strictObject({ micros: z.number().int(), label: z.string() }),
    image: imageRef,
    lastImage: imageRef.nullable(),
    video: z
      .strictObject({
        src: z.string(),
        nsfw: z.boolean(),
        stored: z.boolean().meta({ description: "Keyframe's own copy; WaveSpeed's URL until then." }),
        poster: z.string().nullable(),
        thumb: z.string().nullable(),
        lastFrame: z.string().nullable(),
        width: z.number().int().nullable(),
        height: z.number().int().nullable(),
        downloadName: z.string(),
      })
      .nullable(),
    copy: z.strictObject({ state: z.enum(COPY_STATUSES), error: z.string().nullable() }),
    shareUrl: z.string().nullable(),
    shareVisibility: z.enum(SHARE_VISIBILITIES),
    owner: z.string().nullable(),
    mine: z.boolean(),
    canManage: z.boolean(),
    stars: z.strictObject({ count: z.number().int(), mine: z.boolean(), by: z.array(z.string()) }),
    review: z.strictObject({
      picks: z.number().int(),
      comments: z.array(z.strictObject({ name: z.string(), text: z.string(), at: z.string() })),
    }),
    billing: z
      .strictObject({
        chargeMicros: z.number().int(),
        refundMicros: z.number().int(),
        netMicros: z.number().int(),
        label: z.string(),
      })
      .nullable()
      .meta({ description: "What WaveSpeed's billing says this take cost, once Keyframe has pulled it; null until then." }),
    error: z.string().nullable(),
    submittedAt: isoTime.nullable(),
    processingAt: isoTime.nullable(),
    finishedAt: isoTime.nullable(),
  })
  .meta({ id: "JobView", description: "A take: Keyframe's shape, not WaveSpeed's. Media paths are relative to the server." });

export const jobListSchema = z.object({ jobs: z.array(jobViewSchema) }).meta({ id: "JobList" });

export const jobPageSchema = z
  .strictObject({
    jobs: z.array(jobViewSchema),
    nextCursor: z.string().nullable(),
    activeCount: z.number().int(),
    savingCount: z.number().int(),
    version: z.string().meta({ description: "Ask GET /api/jobs/changes?since=<version> for what changed after this page." }),
  })
  .meta({ id: "JobPage" });

export const jobChangesSchema = z
  .strictObject({
    jobs: z.array(jobViewSchema),
    gone: z.array(z.string()),
    version: z.string(),
    activeCount: z.number().int(),
    savingCount: z.number().int(),
    reset: z.boolean().meta({ description: "Too much changed: load the first page again." }),
  })
  .meta({ id: "JobChanges" });

/** 409 on a repeat of a recent take: the error's extra fields. */
export const duplicateErrorSchema = z
  .object({
    error: z.looseObject({
      code: z.literal("conflict"),
      message: z.string(),
      duplicateOf: z.string(),
      duplicateCreatedAt: z.string(),
      priceLabel: z.string(),
      totalLabel: z.string(),
      repeatedSeeds: z.array(z.number().int()),
    }),
  })
  .meta({ id: "DuplicateError" });
