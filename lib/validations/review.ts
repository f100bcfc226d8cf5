import { z } from "zod";
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

/** A reviewer's word on one shot: a favourite take and/or a short comment, under a name they type. */
export const feedbackSchema = z
  .object({
    reviewerId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: "Reload the page and try again." }),
    name: plainText("Your name", REVIEWER_NAME_MAX),
    shotKey: z.union([idSchema("The shot"), z.literal(TAKES_SHOT)]),
    pick: idSchema("The take").nullable().default(null),
    comment: plainText("The comment", COMMENT_MAX, { required: false, multiline: true }).default(""),
  })
  .refine((f) => f.pick !== null || f.comment !== "", { error: "Pick a take or write a comment.", path: ["comment"] });
export type FeedbackInput = z.input<typeof feedbackSchema>;
