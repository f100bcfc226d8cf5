import { z } from "zod";
import { feedbackBatchSchema, feedbackSchema, reviewerIdSchema, reviewLinkSchema } from "@/lib/validations/review";
import { idPath, type AreaPaths } from "../operation";
import { reviewFeedbackSchema, reviewLinkCreatedSchema, reviewSchema } from "../schemas/boards";
import { reviewControlsOperation, reviewLinkPaths } from "./review-links";

const tokenPath = z.object({ token: z.string().meta({ description: "The review link's token (the end of /r/{token})." }) });

export const reviewPaths: AreaPaths = {
  "/api/review-links": {
    post: {
      tag: "Reviews",
      id: "createReviewLink",
      summary: "A link anyone can review a storyboard or a set of takes with",
      access: "member",
      json: reviewLinkSchema,
      answers: [{ status: 201, description: "The link.", schema: reviewLinkCreatedSchema }],
      refusals: [400, 404],
    },
  },
  "/api/review-links/{id}": {
    delete: {
      tag: "Reviews",
      id: "revokeReviewLink",
      summary: "Revoke a review link",
      description: "Its maker or an admin: its page, media and API answer 404 from then on.",
      access: "member",
      path: idPath,
      answers: [{ status: 204, description: "Revoked." }],
      refusals: [403, 404],
    },
    patch: reviewControlsOperation,
  },
  "/api/review/{token}": {
    get: {
      tag: "Reviews",
      id: "getReview",
      summary: "The shots to review (no account needed)",
      access: "public",
      path: tokenPath,
      query: z.object({
        reviewer: reviewerIdSchema.optional().meta({ description: "With it, `mine` holds what this reviewer said before." }),
      }),
      answers: [{ status: 200, description: "The review.", schema: reviewSchema }],
      refusals: [
        404,
        429,
        { status: 401, description: "The link asks for a passphrase (`passphrase: true`): POST it to /api/review/{token}/passphrase." },
      ],
    },
    post: {
      tag: "Reviews",
      id: "sendFeedback",
      summary: "A reviewer's picks and comments (no account needed)",
      description: "Several shots at once (all saved, or none; field errors keyed `shots.<i>.<field>`), or one shot.",
      access: "public",
      path: tokenPath,
      json: z.union([feedbackBatchSchema, feedbackSchema]),
      answers: [{ status: 200, description: "What this reviewer has said, per shot.", schema: reviewFeedbackSchema }],
      refusals: [400, 401, 403, 404, 429],
    },
  },
  ...reviewLinkPaths,
};
