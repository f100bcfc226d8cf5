import "server-only";
import sharp from "sharp";
import { IMAGE_MAX_PIXELS } from "@/lib/model/seedance";

/**
 * Decodes every pixel of an image that passed the header checks. Headers alone let through files that
 * WaveSpeed then charges for and fails: a PNG with no pixel data, a JPEG of bare markers, a cut-off
 * download. libvips streams the decode, so memory stays small; the pixel cap stops a decompression bomb
 * before it starts.
 */
export async function undecodableImage(bytes: Uint8Array): Promise<string | null> {
  try {
    await sharp(bytes, { failOn: "error", limitInputPixels: IMAGE_MAX_PIXELS }).stats();
    return null;
  } catch (error) {
    if (/pixel limit/i.test((error as Error).message)) {
      return `Image has more than ${IMAGE_MAX_PIXELS / 1_000_000} megapixels, the limit.`;
    }
    return "This image could not be decoded: the file is damaged or incomplete.";
  }
}
