import * as z from "zod/mini";
import { IMAGE_MAX_BYTES, IMAGE_MAX_PIXELS, IMAGE_MIN_SIDE, IMAGE_URL_MAX } from "@/lib/model/seedance";
import { probeImage, type ImageInfo, type ImageType } from "@/lib/images/probe";

export type ImageFileInput = {
  kind: "file";
  bytes: Uint8Array;
  type: ImageType;
  width: number;
  height: number;
  name: string;
};
export type ImageUrlInput = { kind: "url"; url: string };
export type ImageInput = ImageFileInput | ImageUrlInput;

type BlobLike = { size: number; arrayBuffer(): Promise<ArrayBuffer>; name?: string };

function isBlobLike(value: unknown): value is BlobLike {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as BlobLike).arrayBuffer === "function" &&
    typeof (value as BlobLike).size === "number"
  );
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

const MB = 1024 * 1024;

function tooLarge(size: number): string | null {
  return size > IMAGE_MAX_BYTES ? `Image is ${(size / MB).toFixed(1)} MB; the limit is ${IMAGE_MAX_BYTES / MB} MB.` : null;
}

/** The image's type and size, or what is wrong with these bytes as a model input. */
function checkImageBytes(bytes: Uint8Array): ImageInfo | string {
  const large = tooLarge(bytes.byteLength);
  if (large) return large;
  const info = probeImage(bytes);
  if (!info) return "Not a JPEG or PNG image (checked by content, not by file name).";
  if (info.width < IMAGE_MIN_SIDE || info.height < IMAGE_MIN_SIDE) {
    return `Image is ${info.width}×${info.height} px; it must be at least ${IMAGE_MIN_SIDE}×${IMAGE_MIN_SIDE} px.`;
  }
  if (info.width * info.height > IMAGE_MAX_PIXELS) {
    const megapixels = (n: number) => Number((n / 1_000_000).toFixed(1));
    return `Image is ${info.width}×${info.height} px (${megapixels(info.width * info.height)} megapixels); the limit is ${megapixels(IMAGE_MAX_PIXELS)} megapixels.`;
  }
  return info;
}

/** What is wrong with these bytes as a model input, or null when they are fine. */
export function imageBytesProblem(bytes: Uint8Array): string | null {
  const checked = checkImageBytes(bytes);
  return typeof checked === "string" ? checked : null;
}

export function urlProblem(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed.length > IMAGE_URL_MAX) return `Image URLs can be at most ${IMAGE_URL_MAX} characters; this one has ${trimmed.length}.`;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return "Enter a full image URL starting with http:// or https://.";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "Image URLs must use http or https.";
  return null;
}

// The form re-validates on every keystroke; a File never changes, so read and probe it once.
const inspections = new WeakMap<BlobLike, Promise<ImageFileInput | string>>();

function inspect(blob: BlobLike): Promise<ImageFileInput | string> {
  let pending = inspections.get(blob);
  if (!pending) {
    pending = (async () => {
      // Refuse an oversized upload before reading it into memory.
      const large = tooLarge(blob.size);
      if (large) return large;
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const info = checkImageBytes(bytes);
      if (typeof info === "string") return info;
      return { kind: "file" as const, bytes, type: info.type, width: info.width, height: info.height, name: blob.name ?? "image" };
    })();
    inspections.set(blob, pending);
  }
  return pending;
}

/** What is wrong with an image that passed the byte checks once fully decoded, or null. Server-side only. */
export type ImageDecoder = (bytes: Uint8Array) => Promise<string | null>;

/**
 * A file (File/Blob from a form or multipart body) or an http(s) URL, checked by content.
 * Accepts unknown input so the browser form and the multipart route share it unchanged; the server
 * passes `decode` to also decode every pixel, which the browser's bundle must not carry.
 */
export function imageInput<R extends boolean>(label: string, required: R, decode?: ImageDecoder) {
  const schema = z.pipe(
    z.unknown(),
    z.transform(async (value, ctx): Promise<ImageInput | undefined> => {
      if (isEmpty(value)) {
        if (required) ctx.issues.push({ code: "custom", message: `${label} is required.`, input: value });
        return undefined;
      }
      if (typeof value === "string") {
        const problem = urlProblem(value);
        if (problem) {
          ctx.issues.push({ code: "custom", message: problem, input: value });
          return z.NEVER;
        }
        return { kind: "url", url: value.trim() };
      }
      if (!isBlobLike(value)) {
        ctx.issues.push({ code: "custom", message: `${label} must be an image file or an image URL.`, input: value });
        return z.NEVER;
      }
      const inspected = await inspect(value);
      if (typeof inspected === "string") {
        ctx.issues.push({ code: "custom", message: inspected, input: value });
        return z.NEVER;
      }
      const undecodable = decode ? await decode(inspected.bytes) : null;
      if (undecodable) {
        ctx.issues.push({ code: "custom", message: undecodable, input: value });
        return z.NEVER;
      }
      return inspected;
    }),
  );
  return (required ? schema : z.optional(schema)) as unknown as z.ZodMiniType<
    R extends true ? ImageInput : ImageInput | undefined,
    unknown
  >;
}
