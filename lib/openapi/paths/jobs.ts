import { serverGenerateSchema } from "@/lib/validations/generate-server";
import { changesQuerySchema, listQuerySchema, shareVisibilitySchema } from "@/lib/validations/jobs";
import { idPath, type AreaPaths } from "../operation";
import { duplicateErrorSchema, jobChangesSchema, jobListSchema, jobPageSchema, jobViewSchema } from "../schemas/jobs";

const job = (description: string) => ({ status: 200, description, schema: jobViewSchema });

const confirmDuplicate = {
  status: 409,
  description: "These inputs repeat a take of the last 24 hours: send `confirmDuplicate=true` to pay again.",
  schema: duplicateErrorSchema,
};

export const jobPaths: AreaPaths = {
  "/api/jobs": {
    get: {
      tag: "Jobs",
      id: "listJobs",
      summary: "List takes, newest first",
      description: "With an `ETag`: a request with `If-None-Match` gets 304 while nothing changed.",
      access: "member",
      query: listQuerySchema,
      answers: [{ status: 200, description: "A page of takes.", schema: jobPageSchema }],
      refusals: [400],
    },
    post: {
      tag: "Jobs",
      id: "createJobs",
      summary: "Generate: one take per variation",
      description:
        "Multipart form fields, every value as text; `image` and `lastImage` are a JPEG or PNG file part or an http(s) URL. Charged under the team's caps and rate limit. Also takes the text field `confirmDuplicate=true`. A refused submit (400, 403, 409, 429) stores nothing and charges nothing.",
      access: "member",
      idempotent: true,
      multipart: serverGenerateSchema,
      answers: [
        { status: 201, description: "The new takes (queued).", schema: jobListSchema },
        { status: 200, description: "The takes an earlier request with this Idempotency-Key made.", schema: jobListSchema },
      ],
      refusals: [400, 403, confirmDuplicate, 413, 422, 429],
    },
  },
  "/api/jobs/changes": {
    get: {
      tag: "Jobs",
      id: "jobChanges",
      summary: "What changed after a version",
      description: "304 to `If-None-Match` when nothing did.",
      access: "member",
      query: changesQuerySchema,
      answers: [{ status: 200, description: "Changed and gone takes.", schema: jobChangesSchema }],
      refusals: [400],
    },
  },
  "/api/jobs/{id}": {
    get: { tag: "Jobs", id: "getJob", summary: "One take", access: "member", path: idPath, answers: [job("The take.")], refusals: [404] },
    delete: {
      tag: "Jobs",
      id: "deleteJob",
      summary: "Delete a take and its files",
      description: "Its maker or an admin; 409 while it is still running.",
      access: "member",
      path: idPath,
      answers: [{ status: 204, description: "Deleted." }],
      refusals: [403, 404, 409],
    },
  },
  "/api/jobs/{id}/retry": {
    post: {
      tag: "Jobs",
      id: "retryJob",
      summary: "Generate a failed take again",
      description: "A new take with the same inputs: a new charge, under the caps.",
      access: "member",
      path: idPath,
      idempotent: true,
      answers: [
        { status: 201, description: "The new take.", schema: jobListSchema },
        { status: 200, description: "What an earlier request with this Idempotency-Key made.", schema: jobListSchema },
      ],
      refusals: [403, 404, 409, 429],
    },
  },
  "/api/jobs/{id}/copy": {
    post: {
      tag: "Jobs",
      id: "retryCopy",
      summary: "Try again to save Keyframe's copy of the video",
      access: "member",
      path: idPath,
      answers: [{ status: 202, description: "The take, its copy due again.", schema: jobViewSchema }],
      refusals: [403, 404, 409],
    },
  },
  "/api/jobs/{id}/cancel": {
    post: {
      tag: "Jobs",
      id: "cancelJob",
      summary: "Withdraw a take still queued in Keyframe",
      description: "Nothing is charged; 409 once it was sent to WaveSpeed.",
      access: "member",
      path: idPath,
      answers: [job("The cancelled take.")],
      refusals: [403, 404, 409],
    },
  },
  "/api/jobs/{id}/share": {
    post: {
      tag: "Jobs",
      id: "renewShare",
      summary: "A new share link (the old one stops working)",
      access: "member",
      path: idPath,
      answers: [job("The take.")],
      refusals: [403, 404, 409],
    },
    patch: {
      tag: "Jobs",
      id: "setShareVisibility",
      summary: "Who the share link opens for",
      access: "member",
      path: idPath,
      json: shareVisibilitySchema,
      answers: [job("The take.")],
      refusals: [400, 403, 404],
    },
    delete: {
      tag: "Jobs",
      id: "revokeShare",
      summary: "Revoke the share link",
      access: "member",
      path: idPath,
      answers: [job("The take.")],
      refusals: [403, 404],
    },
  },
  "/api/jobs/{id}/star": {
    put: {
      tag: "Jobs",
      id: "starJob",
      summary: "Star a take (your own star)",
      access: "member",
      path: idPath,
      answers: [job("The take.")],
      refusals: [404],
    },
    delete: {
      tag: "Jobs",
      id: "unstarJob",
      summary: "Take your star off",
      access: "member",
      path: idPath,
      answers: [job("The take.")],
      refusals: [404],
    },
  },
};
