/** A batch's bounds, shown in the form and the docs and enforced by the routes. */
export const BATCH_MAX_ROWS = 200;
export const BATCH_MAX_TAKES = 500;
/** The whole upload (file, zip, images): the proxy in front of every route buffers at most 22 MB. */
export const BATCH_MAX_BODY_BYTES = 21 * 1024 * 1024;
/**
 * An images zip: entries, and bytes once unpacked (refuses zip bombs before inflating them). JPEG and PNG
 * hardly compress, so a real zip unpacks to about its own size: twice the largest upload bounds the memory
 * one batch request can take.
 */
export const ZIP_MAX_ENTRIES = 400;
export const ZIP_MAX_UNPACKED_BYTES = 42 * 1024 * 1024;

/** A row's keys, as CSV headers and JSON keys. */
export const ROW_KEYS = [
  "image",
  "end_image",
  "prompt",
  "duration",
  "aspect_ratio",
  "camera_fixed",
  "seed",
  "variations",
  "model",
  "resolution",
  "generate_audio",
] as const;
export type RowKey = (typeof ROW_KEYS)[number];
