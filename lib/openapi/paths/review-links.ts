import { z } from "zod";
import { decisionSchema, reviewControlsSchema, reviewNotifySchema, unlockSchema, visitSchema } from "@/lib/validations/review-controls";
import type { AreaPaths, Operation } from "../operation";
import { reviewLinkControlsSchema as controls } from "../schemas/boards";

const tokenPath = z.object({ token: z.string().meta({ description: "The review link's token (the end of /r/{token})." }) });
const idPath = z.object({ id: z.string() });

const decisions = z.record(z.string(), z.enum(["approved", "changes_requested"])).meta({ id: "ReviewDecisions" });
const notify = z
  .object({
    slackConfigured: z.boolean(),
    slackHost: z.string().nullable(),
    lastSentAt: z.string().nullable(),
    lastError: z.string().nullable(),
  })
  .meta({ id: "ReviewNotifySettings" });

export const reviewControlsOperation: Operation = {
  tag: "Reviews",
  id: "setReviewLinkControls",
  summary: "A review link's expiry, passphrase, switches and on/off",
  description:
    "Its maker or an admin. A null `expiresAt` or `passphrase` removes it; the passphrase is stored hashed (scrypt) and never answered. An expired or turned-off link answers 404 like a revoked one.",
  access: "member",
  path: idPath,
  json: reviewControlsSchema,
  answers: [{ status: 200, description: "The link's controls and use.", schema: z.object({ controls }) }],
  refusals: [400, 403, 404],
};

export const reviewLinkPaths: AreaPaths = {
  "/api/review/{token}/passphrase": {
    post: {
      tag: "Reviews",
      id: "unlockReview",
      summary: "Open a passphrase-protected review link (no account needed)",
      description:
        "The right passphrase sets a cookie for this link only, for 12 hours. Ten wrong tries per address in 15 minutes, then 429.",
      access: "public",
      path: tokenPath,
      json: unlockSchema,
      answers: [{ status: 204, description: "Opened: the cookie is set." }],
      refusals: [400, 401, 404, 409, 429],
    },
  },
  "/api/review/{token}/decisions": {
    post: {
      tag: "Reviews",
      id: "decideReview",
      summary: "A reviewer's Approved or Changes requested on a shot or the film (no account needed)",
      description: '`shotKey` "film" decides on the whole film; `decision: null` withdraws. 403 when the team turned decisions off.',
      access: "public",
      path: tokenPath,
      json: decisionSchema,
      answers: [{ status: 200, description: "This reviewer's decisions, per shot key.", schema: z.object({ decisions }) }],
      refusals: [400, 401, 403, 404, 429],
    },
  },
  "/api/review/{token}/visit": {
    post: {
      tag: "Reviews",
      id: "visitReview",
      summary: "A reviewer opened the link (no account needed)",
      description: "Counts the visit; answers the version they saw last time and the one now, so the page can mark what changed.",
      access: "public",
      path: tokenPath,
      json: visitSchema,
      answers: [
        { status: 200, description: "Versions.", schema: z.object({ seenVersion: z.number().nullable(), version: z.number().nullable() }) },
      ],
      refusals: [400, 401, 404],
    },
  },
  "/api/review-inbox": {
    get: {
      tag: "Reviews",
      id: "reviewInbox",
      summary: "Reviewers' comments and decisions this member has not read",
      access: "member",
      answers: [
        {
          status: 200,
          description: "A total and a count per link.",
          schema: z.object({
            unread: z.number(),
            links: z.array(z.object({ linkId: z.string(), storyboardId: z.string().nullable(), title: z.string(), unread: z.number() })),
          }),
        },
      ],
    },
    post: {
      tag: "Reviews",
      id: "readReviewInbox",
      summary: "Mark what reviewers said on these links as read",
      access: "member",
      json: z.object({ linkIds: z.array(z.string()) }),
      answers: [{ status: 204, description: "Read." }],
      refusals: [400],
    },
  },
  "/api/admin/review-notify": {
    get: {
      tag: "Reviews",
      id: "getReviewNotify",
      summary: "Whether review news goes to a Slack-compatible webhook",
      description: "The address is a secret: only its host is answered.",
      access: "admin",
      answers: [{ status: 200, description: "The setting.", schema: notify }],
    },
    put: {
      tag: "Reviews",
      id: "setReviewNotify",
      summary: "Where batched review news goes (a Slack-compatible incoming webhook), or null",
      access: "admin",
      json: reviewNotifySchema,
      answers: [{ status: 200, description: "The setting.", schema: notify }],
      refusals: [400],
    },
  },
};
