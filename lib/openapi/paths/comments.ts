import { z } from "zod";
import { COMMENT_AUTHORS } from "@/lib/db/enums";
import { commentSchema, markerFormatSchema, resolveSchema, reviewerCommentSchema, shapeSchema } from "@/lib/validations/comments";
import { reviewerIdSchema } from "@/lib/validations/review";
import { idPath, type AreaPaths } from "../operation";

const tokenPath = z.object({ token: z.string().meta({ description: "The review link's token (the end of /r/{token})." }) });

const commentListSchema = z
  .object({
    comments: z.array(
      z.object({
        id: z.string(),
        parentId: z.string().nullable().meta({ description: "A reply names its thread's first comment." }),
        jobId: z.string().nullable(),
        filmId: z.string().nullable(),
        author: z.enum(COMMENT_AUTHORS),
        name: z.string().meta({ description: "A display name only: a reviewer's typed name, or a member's name (never an email)." }),
        body: z.string(),
        atMs: z.number().int().nullable(),
        endMs: z.number().int().nullable(),
        drawing: z.array(shapeSchema).nullable(),
        resolved: z.boolean(),
        createdAt: z.string(),
        mine: z.boolean(),
      }),
    ),
  })
  .meta({ id: "CommentList" });

const target = z.object({
  jobId: z.string().optional().meta({ description: "The take (or give filmId)." }),
  filmId: z.string().optional().meta({ description: "The film (or give jobId)." }),
});

export const commentPaths: AreaPaths = {
  "/api/comments": {
    get: {
      tag: "Reviews",
      id: "listComments",
      summary: "The comments on a take's or a film's picture",
      access: "member",
      query: target,
      answers: [{ status: 200, description: "Oldest first; replies name their thread.", schema: commentListSchema }],
      refusals: [400, 404],
    },
    post: {
      tag: "Reviews",
      id: "addComment",
      summary: "Comment on a take or a film at a time or over a range, with a drawing; or reply to a thread",
      access: "member",
      json: commentSchema,
      answers: [{ status: 201, description: "The picture's comments, the new one included.", schema: commentListSchema }],
      refusals: [400, 404],
    },
  },
  "/api/comments/{id}": {
    patch: {
      tag: "Reviews",
      id: "resolveComment",
      summary: "Resolve a thread, or open it again",
      access: "member",
      path: idPath,
      json: resolveSchema,
      answers: [{ status: 200, description: "The picture's comments.", schema: commentListSchema }],
      refusals: [400, 404, 409],
    },
  },
  "/api/review/{token}/comments": {
    get: {
      tag: "Reviews",
      id: "listReviewComments",
      summary: "The comments on a review link's takes (no account needed)",
      description: "This link's reviewers' comments and the team's, by display name only.",
      access: "public",
      path: tokenPath,
      query: z.object({ reviewer: reviewerIdSchema.optional().meta({ description: "Marks this reviewer's own as `mine`." }) }),
      answers: [{ status: 200, description: "Oldest first.", schema: commentListSchema }],
      refusals: [404],
    },
    post: {
      tag: "Reviews",
      id: "addReviewComment",
      summary: "A reviewer's comment on one of the link's takes, with a drawing, or a reply (no account needed)",
      access: "public",
      path: tokenPath,
      json: reviewerCommentSchema,
      answers: [{ status: 201, description: "The link's comments, the new one included.", schema: commentListSchema }],
      refusals: [400, 404, 409, 429],
    },
  },
  "/api/storyboards/{id}/markers": {
    get: {
      tag: "Storyboards",
      id: "exportMarkers",
      summary: "The board's comments as CSV, or as editor markers (EDL for DaVinci Resolve, FCPXML), timed to its latest film",
      access: "member",
      path: idPath,
      query: markerFormatSchema,
      answers: [{ status: 200, description: "A file to download: text/csv, an EDL (text/plain) or FCPXML (application/xml)." }],
      refusals: [400, 404, 409],
    },
  },
};
