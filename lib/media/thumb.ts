import "server-only";
import sharp from "sharp";
import { THUMB_MAX } from "@/lib/storage/keys";
import type { ObjectStore } from "@/lib/storage/object-store";

/**
 * A picture scaled to fit THUMB_MAX (never enlarged), as a JPEG: turned upright as its EXIF orientation says
 * (a phone photo is stored as taken; the JPEG keeps no orientation) and laid on white where it is transparent.
 */
export function thumbnail(picture: Buffer | string): Promise<Buffer> {
  return sharp(picture, { autoOrient: true })
    .resize(THUMB_MAX, THUMB_MAX, { fit: "inside", withoutEnlargement: true })
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer();
}

/**
 * Makes sure the thumbnail `key` of the stored picture `source` (a poster, or a start or end image) exists:
 * it is made on the first request (jobs copied before thumbnails existed, every input) and stored like any
 * other object. False when there is no such picture, or it went (with its job) while the thumbnail was being
 * made: then nothing is left behind.
 */
export async function ensureThumb(store: ObjectStore, source: string, key: string): Promise<boolean> {
  if (await store.head(key)) return true;
  const picture = await store.bytes(source);
  if (!picture) return false;
  let thumb: Buffer;
  try {
    thumb = await thumbnail(picture);
  } catch {
    return false;
  }
  await store.put(key, thumb, "image/jpeg");
  if (await store.head(source)) return true;
  await store.delete([key]);
  return false;
}
