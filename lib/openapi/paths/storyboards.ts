import { z } from "zod";
import {
  addTakeSchema,
  newBoardSchema,
  orderSchema,
  pickSchema,
  renameBoardSchema,
  shotActionSchema,
  shotTakeRequestSchema,
} from "@/lib/validations/storyboard";
import { idPath, type AreaPaths } from "../operation";
import { filmViewSchema, shotTakesSchema, storyboardListSchema, storyboardSchema } from "../schemas/boards";
import { duplicateErrorSchema } from "../schemas/jobs";

const board = (status = 200) => ({ status, description: "The board.", schema: storyboardSchema });
const shotPath = idPath.extend({ shotId: z.string() });

export const storyboardPaths: AreaPaths = {
  "/api/storyboards": {
    get: {
      tag: "Storyboards",
      id: "listStoryboards",
      summary: "List the team's storyboards",
      access: "member",
      answers: [{ status: 200, description: "The boards.", schema: storyboardListSchema }],
    },
    post: {
      tag: "Storyboards",
      id: "createStoryboard",
      summary: "Create a storyboard, one shot per take given",
      access: "member",
      json: newBoardSchema,
      answers: [board(201)],
      refusals: [400, 404],
    },
  },
  "/api/storyboards/{id}": {
    get: {
      tag: "Storyboards",
      id: "getStoryboard",
      summary: "A board with its shots, takes, feedback, films and review links",
      description: "With an `ETag`: 304 to `If-None-Match` while nothing on the board changed.",
      access: "member",
      path: idPath,
      answers: [board()],
      refusals: [404],
    },
    patch: {
      tag: "Storyboards",
      id: "renameStoryboard",
      summary: "Rename a board",
      access: "member",
      path: idPath,
      json: renameBoardSchema,
      answers: [board()],
      refusals: [400, 404],
    },
    delete: {
      tag: "Storyboards",
      id: "deleteStoryboard",
      summary: "Delete a board (its takes stay in the gallery)",
      description: "Its maker or an admin. Its films go and its review links stop working.",
      access: "member",
      path: idPath,
      answers: [{ status: 204, description: "Deleted." }],
      refusals: [403, 404],
    },
  },
  "/api/storyboards/{id}/shots": {
    post: {
      tag: "Storyboards",
      id: "addShot",
      summary: "Add a take as a new shot, or as another take of a shot",
      access: "member",
      path: idPath,
      json: addTakeSchema,
      answers: [board(201)],
      refusals: [400, 404],
    },
  },
  "/api/storyboards/{id}/order": {
    put: {
      tag: "Storyboards",
      id: "reorderShots",
      summary: "Put the shots in a new order",
      description: "Every shot of the board, once each; 409 if the board changed meanwhile.",
      access: "member",
      path: idPath,
      json: orderSchema,
      answers: [board()],
      refusals: [400, 404, 409],
    },
  },
  "/api/storyboards/{id}/shots/{shotId}": {
    patch: {
      tag: "Storyboards",
      id: "pickTake",
      summary: "Pick one of a shot's takes for the film",
      access: "member",
      path: shotPath,
      json: pickSchema,
      answers: [board()],
      refusals: [400, 404],
    },
    delete: {
      tag: "Storyboards",
      id: "removeShot",
      summary: "Remove a shot (its takes stay in the gallery)",
      access: "member",
      path: shotPath,
      answers: [board()],
      refusals: [404],
    },
  },
  "/api/storyboards/{id}/shots/{shotId}/{action}": {
    post: {
      tag: "Storyboards",
      id: "generateForShot",
      summary: "Continue from a shot, or retake it",
      description:
        "`continue`: the next shot, from the last frame of this shot's picked take; `retake`: more takes of this shot from the same images. Charged like POST /api/jobs.",
      access: "member",
      path: shotPath.extend({ action: shotActionSchema }),
      idempotent: true,
      json: shotTakeRequestSchema,
      answers: [
        { status: 201, description: "The new takes and the shot they belong to.", schema: shotTakesSchema },
        { status: 200, description: "What an earlier request with this Idempotency-Key made.", schema: shotTakesSchema },
      ],
      refusals: [
        400,
        403,
        404,
        {
          status: 409,
          description: "A repeat of a recent take: send `confirmDuplicate: true` to pay again.",
          schema: duplicateErrorSchema,
        },
        429,
      ],
    },
  },
  "/api/storyboards/{id}/export": {
    post: {
      tag: "Storyboards",
      id: "exportFilm",
      summary: "Render the picked takes, in shot order, into one MP4",
      access: "member",
      path: idPath,
      answers: [{ status: 202, description: "The queued film.", schema: filmViewSchema }],
      refusals: [404, 409],
    },
  },
  "/api/films/{id}": {
    delete: {
      tag: "Storyboards",
      id: "deleteFilm",
      summary: "Delete a film and its files",
      description: "Whoever exported it, the board's maker or an admin. A film still rendering is cancelled.",
      access: "member",
      path: idPath,
      answers: [{ status: 204, description: "Deleted." }],
      refusals: [403, 404],
    },
  },
  "/api/films/{id}/share": {
    post: {
      tag: "Storyboards",
      id: "shareFilm",
      summary: "A new share link for a film",
      access: "member",
      path: idPath,
      answers: [{ status: 200, description: "The film.", schema: filmViewSchema }],
      refusals: [403, 404, 409],
    },
    delete: {
      tag: "Storyboards",
      id: "unshareFilm",
      summary: "Revoke a film's share link",
      access: "member",
      path: idPath,
      answers: [{ status: 200, description: "The film.", schema: filmViewSchema }],
      refusals: [403, 404],
    },
  },
};
