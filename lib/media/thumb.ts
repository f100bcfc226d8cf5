import "server-only";
import sharp from "sharp";
import { THUMB_MAX, outputKey } from "@/lib/storage/keys";
import type { ObjectStore } from "@/lib/storage/store";

/** A poster scaled to fit THUMB_MAX (never enlarged), as a JPEG. */
export function thumbnail(poster: Buffer | string): Promise<Buffer> {
  return sharp(poster)
    .resize(THUMB_MAX, THUMB_MAX, { fit: "inside", withoutEnlargement: true })
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer();
}

/**
 * Makes sure the thumbnail of the stored poster `name` exists: jobs copied before thumbnails existed get
 * theirs on the first request, made from the poster and stored like any other output. False when there is
 * no such poster (or it went, with its job, while the thumbnail was being made: then nothing is left behind).
 */
export async function ensureThumb(store: ObjectStore, name: string): Promise<boolean> {
  const key = outputKey("thumbs", name);
  const posterKey = outputKey("posters", name);
  if (!key || !posterKey) return false;
  if (await store.head(key)) return true;
  const poster = await store.bytes(posterKey);
  if (!poster) return false;
  let thumb: Buffer;
  try {
    thumb = await thumbnail(poster);
  } catch {
    return false;
  }
  await store.put(key, thumb, "image/jpeg");
  if (await store.head(posterKey)) return true;
  await store.delete([key]);
  return false;
}
