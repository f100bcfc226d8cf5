import { unzipSync } from "fflate";
import { AppError } from "@/lib/errors";
import { IMAGE_MAX_BYTES } from "@/lib/model/seedance";
import { ZIP_MAX_ENTRIES, ZIP_MAX_UNPACKED_BYTES } from "./limits";

const MB = 1024 * 1024;

/** Folders, macOS resource forks and hidden files are not images anyone meant to send. */
const skipped = (name: string) => name.endsWith("/") || name.startsWith("__MACOSX/") || /(^|\/)\./.test(name);

/**
 * The images in a zip, by entry name. Counts entries and their declared sizes before inflating any, and
 * inflates each into a buffer of its declared size (a lying header cannot make it grow), so a zip bomb is
 * refused without unpacking it. An entry larger than an image may be is named in `tooLarge`, not unpacked.
 */
export function unzipImages(bytes: Uint8Array): { files: Map<string, Blob>; tooLarge: Map<string, string> } {
  let entries = 0;
  let unpacked = 0;
  const tooLarge = new Map<string, string>();
  let found: Record<string, Uint8Array>;
  try {
    found = unzipSync(bytes, {
      filter: (file) => {
        if (skipped(file.name)) return false;
        entries += 1;
        if (entries > ZIP_MAX_ENTRIES)
          throw new AppError(
            "bad_request",
            `The zip has more than ${ZIP_MAX_ENTRIES} files; a batch's zip can have at most ${ZIP_MAX_ENTRIES}.`,
          );
        if (file.originalSize > IMAGE_MAX_BYTES) {
          tooLarge.set(file.name, `Image is ${(file.originalSize / MB).toFixed(1)} MB; the limit is ${IMAGE_MAX_BYTES / MB} MB.`);
          return false;
        }
        unpacked += file.originalSize;
        if (unpacked > ZIP_MAX_UNPACKED_BYTES) {
          throw new AppError(
            "bad_request",
            `The zip unpacks to more than ${ZIP_MAX_UNPACKED_BYTES / MB} MB; a batch's images can be at most ${ZIP_MAX_UNPACKED_BYTES / MB} MB in all.`,
          );
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("bad_request", "The images file is not a zip that can be read.", { images: "Not a readable zip." });
  }
  const files = new Map(Object.entries(found).map(([name, data]) => [name, new Blob([data as Uint8Array<ArrayBuffer>])]));
  return { files, tooLarge };
}
