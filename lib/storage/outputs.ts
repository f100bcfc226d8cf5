import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

/** Keyframe's own copies of a job's results, one file per kind, named by the job id. */
export const OUTPUT_KINDS = {
  videos: { ext: "mp4", type: "video/mp4" },
  posters: { ext: "jpg", type: "image/jpeg" },
  frames: { ext: "png", type: "image/png" },
} as const;
export type OutputKind = keyof typeof OUTPUT_KINDS;

const NAME = /^[A-Za-z0-9_-]{16,64}\.(mp4|jpg|png)$/;

export const outputName = (kind: OutputKind, jobId: string) => `${jobId}.${OUTPUT_KINDS[kind].ext}`;

export function outputDir(kind: OutputKind): string {
  return path.join(env().dataDir, "media", kind);
}

/** The file a stored name points to, or null for a malformed name or one of the wrong kind. */
export function outputPath(kind: OutputKind, name: string): string | null {
  if (!NAME.test(name) || !name.endsWith(`.${OUTPUT_KINDS[kind].ext}`)) return null;
  return path.join(outputDir(kind), name);
}

/** Where a copy is written before it is renamed into place; a restart overwrites it. */
export const partPath = (file: string) => `${file}.part`;

/** Every file a job may have, finished or half-written. Safe to call while a copy runs. */
export async function removeJobOutputs(jobId: string): Promise<void> {
  await Promise.all(
    (Object.keys(OUTPUT_KINDS) as OutputKind[]).flatMap((kind) => {
      const file = path.join(outputDir(kind), outputName(kind, jobId));
      return [fs.rm(file, { force: true }), fs.rm(partPath(file), { force: true })];
    }),
  );
}
