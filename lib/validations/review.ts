import { z } from "zod";
import { MAX_SHOTS } from "./limits";
import { idSchema, plainText } from "./plain-text";

export const COMMENT_MAX = 500;
export const REVIEWER_NAME_MAX = 60;
export const MAX_REVIEW_TAKES = 24;
/** The one "shot" of a review link to a set of takes. */
export const TAKES_SHOT = "takes";

export const reviewLinkSchema = z.union(
  [
    z.object({ storyboardId: idSchema("The storyboard") }),
    z.object({
      jobIds: z
        .array(idSchema("A take"))
        .min(1, { error: "Select at least one take." })
        .max(MAX_REVIEW_TAKES, { error: `At most ${MAX_REVIEW_TAKES} takes in one link.` }),
    }),
  ],
  { error: "Send a storyboardId, or jobIds." },
);

/** The id a reviewer's browser made up for itself (also `?reviewer=` on GET /api/review/{token}). */
export const reviewerIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: "Reload the page and try again." });

const reviewer = {
  reviewerId: reviewerIdSchema,
  name: plainText("Your name", REVIEWER_NAME_MAX),
};
const word = {
  shotKey: z.union([idSchema("The shot"), z.literal(TAKES_SHOT)]),
  pick: idSchema("The take").nullable().default(null),
  comment: plainText("The comment", COMMENT_MAX, { required: false, multiline: true }).default(""),
};
/**
 * A reviewer's word on one shot: a favourite take and/or a short comment, under a name they type. Neither
 * withdraws what they said on that shot before.
 */
export const feedbackSchema = z.object({ ...reviewer, ...word });
export type FeedbackInput = z.input<typeof feedbackSchema>;

/** Their word on several shots at once (the review page's one Send): all are saved, or none. */
export const feedbackBatchSchema = z.object({
  ...reviewer,
  shots: z
    .array(z.object(word))
    .min(1, { error: "Pick a take or write a comment first." })
    .max(MAX_SHOTS, { error: `At most ${MAX_SHOTS} shots at once.` })
    .refine((shots) => new Set(shots.map((s) => s.shotKey)).size === shots.length, { error: "Each shot once." }),
});
export type FeedbackBatchInput = z.input<typeof feedbackBatchSchema>;
export type FeedbackBatch = z.output<typeof feedbackBatchSchema>;

/** The name alone, as the review page checks it before sending. */
export const reviewerNameSchema = reviewer.name;
