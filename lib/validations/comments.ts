import { z } from "zod";
import { idSchema, plainText } from "./plain-text";
import { reviewerIdSchema, reviewerNameSchema } from "./review";

export const COMMENT_BODY_MAX = 1000;
/** A comment's time: within a take or a film (films are at most a few minutes; this bounds the number). */
export const COMMENT_AT_MAX_MS = 60 * 60_000;
export const DRAWING_MAX_SHAPES = 24;
export const DRAWING_MAX_POINTS = 400;
export const DRAWING_MAX_TOTAL_POINTS = 2000;
/** The colours a drawing may use (red, amber, green, blue, white): what the palette offers. */
export const DRAWING_COLORS = ["#ef4444", "#f59e0b", "#22c55e", "#3b82f6", "#ffffff"] as const;
export const DRAWING_COLOR_NAMES: Record<(typeof DRAWING_COLORS)[number], string> = {
  "#ef4444": "Red",
  "#f59e0b": "Amber",
  "#22c55e": "Green",
  "#3b82f6": "Blue",
  "#ffffff": "White",
};

const unit = z.number({ error: "A point's coordinate must be a number." }).min(0, { error: "A point lies outside the picture." }).max(1, {
  error: "A point lies outside the picture.",
});
const point = z.tuple([unit, unit], { error: "A point is [x, y], each 0..1 of the picture." });

/** One shape, in the picture's own coordinates (0..1), so it sits right at any size. */
export const shapeSchema = z
  .object({
    kind: z.enum(["pen", "arrow", "rect"], { error: "A shape is a pen line, an arrow or a rectangle." }),
    color: z.enum(DRAWING_COLORS, { error: `A shape's colour is one of ${DRAWING_COLORS.join(", ")}.` }),
    points: z
      .array(point)
      .min(2, { error: "A shape needs at least two points." })
      .max(DRAWING_MAX_POINTS, { error: `A line has at most ${DRAWING_MAX_POINTS} points; draw it in several strokes.` }),
  })
  .refine((s) => s.kind === "pen" || s.points.length === 2, { error: "An arrow or a rectangle has exactly two points." });

export const drawingSchema = z
  .array(shapeSchema)
  .max(DRAWING_MAX_SHAPES, { error: `A drawing has at most ${DRAWING_MAX_SHAPES} shapes.` })
  .refine((shapes) => shapes.reduce((n, s) => n + s.points.length, 0) <= DRAWING_MAX_TOTAL_POINTS, {
    error: `A drawing has at most ${DRAWING_MAX_TOTAL_POINTS} points in all; simplify it.`,
  });

const ms = (label: string) =>
  z
    .number({ error: `${label} must be a number of milliseconds.` })
    .int({ error: `${label} must be whole milliseconds.` })
    .min(0, { error: `${label} cannot be before the start.` })
    .max(COMMENT_AT_MAX_MS, { error: `${label} is past the end.` });

/**
 * A comment: on a take (`jobId`) or a film (`filmId`) at `atMs` (or over `atMs`..`endMs`), with an optional
 * drawing on that frame; or a reply to a thread (`parentId`, no time or drawing of its own).
 */
export const commentSchema = z
  .object({
    jobId: idSchema("The take").optional(),
    filmId: idSchema("The film").optional(),
    parentId: idSchema("The thread").optional(),
    body: plainText("The comment", COMMENT_BODY_MAX, { multiline: true }),
    atMs: ms("The time").optional(),
    endMs: ms("The end").optional(),
    drawing: drawingSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (!c.jobId === !c.filmId) ctx.addIssue({ code: "custom", path: ["jobId"], message: "Say which take (jobId) or film (filmId)." });
    if (c.parentId) {
      if (c.atMs !== undefined || c.endMs !== undefined || c.drawing?.length) {
        ctx.addIssue({ code: "custom", path: ["parentId"], message: "A reply has no time or drawing of its own." });
      }
      return;
    }
    if (c.atMs === undefined) ctx.addIssue({ code: "custom", path: ["atMs"], message: "Say at which time (atMs)." });
    else if (c.endMs !== undefined && c.endMs <= c.atMs)
      ctx.addIssue({ code: "custom", path: ["endMs"], message: "The end must be after the start." });
  });
export type CommentInput = z.output<typeof commentSchema>;

/** A reviewer's comment: the same, under the id their browser made up and the name they typed. */
export const reviewerCommentSchema = z.intersection(z.object({ reviewerId: reviewerIdSchema, name: reviewerNameSchema }), commentSchema);

export const resolveSchema = z.object({ resolved: z.boolean({ error: "Say resolved: true or false." }) });

/** Which picture's comments: `?jobId=` or `?filmId=`. */
export const commentTargetSchema = z.union([z.object({ jobId: idSchema("The take") }), z.object({ filmId: idSchema("The film") })], {
  error: "Say which take (jobId) or film (filmId).",
});

export const MARKER_FORMATS = ["csv", "edl", "fcpxml"] as const;
export const markerFormatSchema = z.object({
  format: z.enum(MARKER_FORMATS, { error: `The format is one of ${MARKER_FORMATS.join(", ")}.` }),
});
