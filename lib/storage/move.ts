import "server-only";
import { OUTPUT_KINDS } from "./keys";
import type { ObjectStore } from "./object-store";

const CONTENT_TYPES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(OUTPUT_KINDS).map(([k, v]) => [k, v.type])),
  films: "video/mp4",
};

export type FolderCount = { folder: string; found: number; copied: number; bytes: number };

/** Copies every stored object (inputs, takes' videos, posters, thumbnails and frames, films) from one store to another; objects already there are skipped. */
export async function copyObjects(from: ObjectStore, to: ObjectStore, progress: (line: string) => void = () => {}): Promise<FolderCount[]> {
  const counts: FolderCount[] = [];
  for (const folder of ["inputs", ...Object.keys(OUTPUT_KINDS), "films"]) {
    const count = { folder, found: 0, copied: 0, bytes: 0 };
    for await (const { key, size } of from.list(folder)) {
      count.found += 1;
      if (await to.head(key)) continue;
      const bytes = await from.bytes(key);
      if (!bytes) continue;
      const type = CONTENT_TYPES[folder] ?? (key.endsWith(".png") ? "image/png" : "image/jpeg");
      await to.put(key, bytes, type);
      count.copied += 1;
      count.bytes += size;
      if (count.copied % 50 === 0) progress(`  ${folder}: ${count.copied} copied`);
    }
    counts.push(count);
  }
  return counts;
}
