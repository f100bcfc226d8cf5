import { z } from "zod";
import { boolean, extend, optional, pick } from "zod/mini";
import { generateFields } from "./generate";
import { MAX_SHOTS } from "./limits";
import { idSchema, plainText } from "./plain-text";

export const BOARD_NAME_MAX = 80;

export const boardNameSchema = plainText("The name", BOARD_NAME_MAX);

export const newBoardSchema = z.object({
  name: boardNameSchema,
  /** Takes to start with, one shot each, in this order. */
  jobIds: z
    .array(idSchema("A take"))
    .max(MAX_SHOTS, { error: `At most ${MAX_SHOTS} shots.` })
    .default([]),
});
export const renameBoardSchema = z.object({ name: boardNameSchema });

/** A take as a new shot (at the end, or after `afterShotId`), or as another take of shot `shotId`. */
export const addTakeSchema = z.object({
  jobId: idSchema("The take"),
  shotId: idSchema("The shot").optional(),
  afterShotId: idSchema("The shot").optional(),
});
export const orderSchema = z.object({ shotIds: z.array(idSchema("A shot")).max(MAX_SHOTS) });
export const pickSchema = z.object({ jobId: idSchema("The take") });

/**
 * What a new take of a shot (or the next shot, from its last frame) is made with: the form's own fields.
 * The image, aspect ratio and safety checker come from the shot's picked take.
 */
// Its model is the picked take's: the model's own rules are checked when the takes are made (createJobs).
export const shotTakeSchema = pick(generateFields, { prompt: true, duration: true, cameraFixed: true, seed: true, variations: true });
export type ShotTakeInput = z.input<typeof shotTakeSchema>;
export type ShotTakeRequest = z.output<typeof shotTakeSchema>;

/** What the shot route takes: the form's fields, and `confirmDuplicate` to pay again for takes already generated. */
export const shotTakeRequestSchema = extend(shotTakeSchema, {
  confirmDuplicate: optional(boolean({ error: "confirmDuplicate is true or false." })),
});

/** The shot route's last segment: `continue` (the next shot, from the last frame) or `retake` (more takes of this shot). */
export const shotActionSchema = z.enum(["continue", "retake"]);
