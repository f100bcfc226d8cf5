import { z } from "zod";
import { REVIEW_DECISIONS } from "@/lib/db/enums";
import { idSchema, plainText } from "./plain-text";
import { reviewerIdSchema, REVIEWER_NAME_MAX, TAKES_SHOT } from "./review";

export const PASSPHRASE_MIN = 8;
export const PASSPHRASE_MAX = 200;
/** A link lasts at most a year from when its expiry is set. */
export const MAX_EXPIRY_MS = 366 * 24 * 60 * 60 * 1000;
/** The shot key of a decision on the whole film. */
export const FILM_SHOT = "film";

const passphrase = z
  .string({ error: "The passphrase must be text." })
  .min(PASSPHRASE_MIN, { error: `Use at least ${PASSPHRASE_MIN} characters.` })
  .max(PASSPHRASE_MAX, { error: `At most ${PASSPHRASE_MAX} characters.` });

/** PATCH /api/review-links/{id}: any of these; a null expiry or passphrase removes it. */
export const reviewControlsSchema = z
  .object({
    expiresAt: z.iso.datetime({ offset: true, error: "Give a date and time, e.g. 2026-12-31T18:00:00Z." }).nullable().optional(),
    passphrase: passphrase.nullable().optional(),
    allowComment: z.boolean({ error: "Choose on or off." }).optional(),
    allowDecide: z.boolean({ error: "Choose on or off." }).optional(),
    allowDownload: z.boolean({ error: "Choose on or off." }).optional(),
    enabled: z.boolean({ error: "Choose on or off." }).optional(),
  })
  .strict();
export type ReviewControlsInput = z.infer<typeof reviewControlsSchema>;

/** POST /api/review/{token}/passphrase. */
export const unlockSchema = z.object({
  passphrase: z.string({ error: "Enter the passphrase." }).min(1, { error: "Enter the passphrase." }).max(PASSPHRASE_MAX),
});

/** POST /api/review/{token}/decisions: a reviewer's decision on a shot, or the film; null withdraws it. */
export const decisionSchema = z.object({
  reviewerId: reviewerIdSchema,
  name: plainText("Your name", REVIEWER_NAME_MAX),
  shotKey: z.union([idSchema("The shot"), z.literal(TAKES_SHOT), z.literal(FILM_SHOT)]),
  decision: z.enum(REVIEW_DECISIONS, { error: "Choose Approved or Changes requested." }).nullable(),
});
export type DecisionInput = z.infer<typeof decisionSchema>;

/** POST /api/review/{token}/visit: the reviewer opened the link. */
export const visitSchema = z.object({
  reviewerId: reviewerIdSchema,
  name: plainText("Your name", REVIEWER_NAME_MAX, { required: false }).default(""),
});

/** PUT /api/admin/review-notify: where batched review news goes, or null for nowhere. */
export const reviewNotifySchema = z.object({
  slackUrl: z
    .url({ protocol: /^https?$/, error: "Give the incoming webhook's http(s) address." })
    .max(2000, { error: "At most 2000 characters." })
    .nullable(),
});
