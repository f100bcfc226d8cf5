import { z } from "zod";
import { FILM_STATUSES, REVIEW_DECISIONS } from "@/lib/db/enums";
import { ASPECT_CHOICES } from "@/lib/model/seedance";
import { isoTime } from "./common";
import { jobViewSchema } from "./jobs";

export const reviewLinkControlsSchema = z
  .object({
    expiresAt: z.string().nullable(),
    expired: z.boolean(),
    hasPassphrase: z.boolean(),
    allowComment: z.boolean(),
    allowDecide: z.boolean(),
    allowDownload: z.boolean(),
    enabled: z.boolean(),
    views: z.number(),
    lastViewAt: z.string().nullable(),
    lastActivityAt: z.string().nullable(),
    reviewers: z.array(z.object({ name: z.string(), lastSeenAt: z.string().nullable() })),
  })
  .meta({ id: "ReviewLinkControls" });

const decisionView = z.strictObject({
  name: z.string(),
  decision: z.enum(REVIEW_DECISIONS),
  subjectId: z.string().nullable(),
  version: z.number().int().nullable(),
  at: isoTime,
});

export const filmViewSchema = z
  .strictObject({
    id: z.string(),
    status: z.enum(FILM_STATUSES),
    progress: z.number().int().min(0).max(100),
    error: z.string().nullable(),
    createdAt: isoTime,
    finishedAt: isoTime.nullable(),
    shots: z.number().int(),
    durationS: z.number().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    src: z.string().nullable(),
    poster: z.string().nullable(),
    downloadName: z.string(),
    shareUrl: z.string().nullable(),
    outOfDate: z.string().nullable().meta({ description: "What changed on the board since this export; null while it matches." }),
    canManage: z.boolean(),
  })
  .meta({ id: "FilmView" });

export const storyboardSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    createdAt: isoTime,
    updatedAt: isoTime,
    owner: z.string().nullable(),
    canManage: z.boolean(),
    shots: z.array(
      z.strictObject({
        id: z.string(),
        pickedJobId: z.string().nullable(),
        takes: z.array(jobViewSchema),
        feedback: z.array(
          z.strictObject({ name: z.string(), pickedJobId: z.string().nullable(), comment: z.string().nullable(), at: z.string() }),
        ),
        decisions: z.array(decisionView),
      }),
    ),
    films: z.array(filmViewSchema),
    reviewLinks: z.array(
      z.strictObject({ id: z.string(), url: z.string(), createdAt: isoTime, controls: reviewLinkControlsSchema, unread: z.number().int() }),
    ),
    filmDecisions: z.array(decisionView),
  })
  .meta({ id: "Storyboard" });

export const storyboardListSchema = z
  .object({
    storyboards: z.array(
      z.strictObject({ id: z.string(), name: z.string(), shots: z.number().int(), updatedAt: isoTime, owner: z.string().nullable() }),
    ),
  })
  .meta({ id: "StoryboardList" });

export const shotTakesSchema = z.object({ jobs: z.array(jobViewSchema), shotId: z.string() }).meta({ id: "ShotTakes" });

export const presetViewSchema = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    prompt: z.string(),
    duration: z.number().int(),
    aspectRatio: z.enum(ASPECT_CHOICES),
    cameraFixed: z.boolean(),
    seed: z.number().int(),
    enableSafetyChecker: z.boolean(),
    model: z.string().nullable(),
    owner: z.string().nullable(),
    canManage: z.boolean(),
  })
  .meta({ id: "Preset" });

export const reviewLinkCreatedSchema = z.object({ id: z.string(), url: z.string() }).meta({ id: "ReviewLinkCreated" });

const myFeedback = z
  .record(z.string(), z.object({ pick: z.string().nullable(), comment: z.string(), name: z.string() }))
  .meta({ description: "The reviewer's own earlier word, per shot key." });

export const reviewSchema = z
  .object({
    review: z.object({
      token: z.string(),
      kind: z.enum(["storyboard", "takes"]),
      title: z.string(),
      shots: z.array(
        z.object({
          key: z.string(),
          teamPick: z.string().nullable(),
          takes: z.array(
            z.object({
              id: z.string(),
              prompt: z.string(),
              duration: z.number(),
              width: z.number().nullable(),
              height: z.number().nullable(),
              video: z.string(),
              poster: z.string().nullable(),
            }),
          ),
        }),
      ),
      rights: z.object({ comment: z.boolean(), decide: z.boolean(), download: z.boolean() }),
      film: z.object({ id: z.string(), video: z.string(), poster: z.string().nullable(), durationS: z.number().nullable() }).nullable(),
      versions: z.array(
        z.object({
          number: z.number(),
          at: z.string(),
          picks: z.record(z.string(), z.string()),
          film: z.object({ id: z.string(), video: z.string(), poster: z.string().nullable(), durationS: z.number().nullable() }).nullable(),
        }),
      ),
    }),
    mine: myFeedback,
    decisions: z.record(z.string(), z.enum(["approved", "changes_requested"])),
  })
  .meta({ id: "Review" });

export const reviewFeedbackSchema = z.object({ mine: myFeedback }).meta({ id: "ReviewFeedback" });
