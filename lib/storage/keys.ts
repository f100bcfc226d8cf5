import type { ImageType } from "@/lib/images/probe";

/** Keyframe's own copies of a job's results, one object per kind, named by the job id. */
export const OUTPUT_KINDS = {
  videos: { ext: "mp4", type: "video/mp4" },
  posters: { ext: "jpg", type: "image/jpeg" },
  /**
   * The poster at card size (see THUMB_MAX), for the gallery; made at copy time, or from the poster on first
   * request. Inputs' thumbnails sit here too, by their 64-hex content hash (see inputThumbKey).
   */
  thumbs: { ext: "jpg", type: "image/jpeg" },
  frames: { ext: "png", type: "image/png" },
} as const;
export type OutputKind = keyof typeof OUTPUT_KINDS;

const OUTPUT_NAME = /^[A-Za-z0-9_-]{16,64}\.(mp4|jpg|png)$/;
const INPUT_NAME = /^[a-f0-9]{64}\.(jpg|png)$/;
const INPUT_EXT: Record<ImageType, string> = { "image/jpeg": "jpg", "image/png": "png" };

export const outputName = (kind: OutputKind, jobId: string) => `${jobId}.${OUTPUT_KINDS[kind].ext}`;

/** The storage key of a stored output name, or null for a malformed name or one of the wrong kind. */
export function outputKey(kind: OutputKind, name: string): string | null {
  if (!OUTPUT_NAME.test(name) || !name.endsWith(`.${OUTPUT_KINDS[kind].ext}`)) return null;
  return `${kind}/${name}`;
}

/** A thumbnail fits in THUMB_MAX × THUMB_MAX: a third of a 480p poster's pixels, as sharp as a medium card needs. */
export const THUMB_MAX = 480;
/** The width sharp gives a `width` × `height` picture fitted inside THUMB_MAX (never enlarged). */
export const thumbWidth = (width: number, height: number) => Math.round(width * Math.min(1, THUMB_MAX / Math.max(width, height)));

export const isOutputKind = (kind: string): kind is OutputKind => Object.hasOwn(OUTPUT_KINDS, kind);

/** Inputs are content-addressed: the same image uploaded twice (or used by four variations) is stored once. */
export const inputNameFor = (hash: string, type: ImageType) => `${hash}.${INPUT_EXT[type]}`;
export const inputKey = (name: string): string | null => (INPUT_NAME.test(name) ? `inputs/${name}` : null);
/** A stored input's card-sized thumbnail, beside the posters' (`thumbs/<hash>.jpg`); made on first request. */
export const inputThumbKey = (name: string): string | null => (INPUT_NAME.test(name) ? `thumbs/${name.slice(0, 64)}.jpg` : null);
export const inputContentType = (name: string): ImageType => (name.endsWith(".png") ? "image/png" : "image/jpeg");

/** An exported film, `films/<film id>.mp4`; its poster sits beside the takes' as `posters/<film id>.jpg`. */
export const filmName = (filmId: string) => `${filmId}.mp4`;
export const filmKey = (name: string): string | null => (OUTPUT_NAME.test(name) && name.endsWith(".mp4") ? `films/${name}` : null);
