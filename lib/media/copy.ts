import "server-only";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { probeImage } from "@/lib/images/probe";
import { outputDir, outputName, outputPath, partPath, type OutputKind } from "@/lib/storage/outputs";
import { ffmpeg, hasFfmpeg } from "./ffmpeg";

export type CopiedOutput = {
  videoFile: string;
  videoBytes: number;
  videoWidth: number | null;
  videoHeight: number | null;
  posterFile: string | null;
  lastFrameFile: string | null;
};

/** A copy that failed; `permanent` when trying again cannot help (the file is gone, or not a video). */
export class CopyError extends Error {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

const MAX_VIDEO_BYTES = 500 * 1024 * 1024;

function target(kind: OutputKind, jobId: string): string {
  const file = outputPath(kind, outputName(kind, jobId));
  if (!file) throw new Error(`Unusable job id for a file name: ${jobId}`);
  return file;
}

async function download(url: string, file: string, timeoutMs: number): Promise<number> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), cache: "no-store" });
  } catch (error) {
    throw new CopyError(`Could not download the video: ${(error as Error).message}.`);
  }
  if (response.status === 404 || response.status === 410) {
    await response.body?.cancel();
    throw new CopyError("WaveSpeed no longer has this video (it deletes outputs after 7 days), so no copy could be kept.", true);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new CopyError(`The video download answered ${response.status}.`);
  }
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > MAX_VIDEO_BYTES ? new CopyError("The video is larger than 500 MB.", true) : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(response.body as never), limit, createWriteStream(file));
  } catch (error) {
    await fs.rm(file, { force: true });
    throw error instanceof CopyError ? error : new CopyError(`The video download broke off: ${(error as Error).message}.`);
  }
  const head = Buffer.alloc(12);
  const handle = await fs.open(file);
  await handle.read(head, 0, 12, 0).finally(() => handle.close());
  if (head.toString("latin1", 4, 8) !== "ftyp") {
    await fs.rm(file, { force: true });
    throw new CopyError("The download was not an MP4 video.");
  }
  return bytes;
}

/** Renders one frame into `kind`'s file; null when ffmpeg is missing or fails (the video still counts). */
async function frame(kind: "posters" | "frames", jobId: string, video: string, input: string[], output: string[]): Promise<string | null> {
  if (!hasFfmpeg()) return null;
  const file = target(kind, jobId);
  const part = partPath(file);
  try {
    await ffmpeg([...input, "-i", video, ...output, "-f", "image2", "-update", "1", part]);
    await fs.rename(part, file);
    return outputName(kind, jobId);
  } catch (error) {
    await fs.rm(part, { force: true });
    console.warn(`[copy] ${kind} for ${jobId} failed:`, (error as Error).message);
    return null;
  }
}

/**
 * Downloads a finished output into Keyframe's storage, then renders a poster (first frame) and the last
 * frame (for "Continue from last frame"). Files are written beside their final name and renamed into
 * place, so a reader never sees half a file and a restart simply starts the copy over.
 */
export async function copyOutput(jobId: string, url: string, timeoutMs: number): Promise<CopiedOutput> {
  await Promise.all((["videos", "posters", "frames"] as const).map((kind) => fs.mkdir(outputDir(kind), { recursive: true })));
  const video = target("videos", jobId);
  const videoBytes = await download(url, partPath(video), timeoutMs);
  await fs.rename(partPath(video), video);

  const posterFile = await frame("posters", jobId, video, [], ["-frames:v", "1", "-q:v", "3", "-c:v", "mjpeg"]);
  // Decoding the final second and keeping each frame over the last leaves exactly the last frame.
  const lastFrameFile = await frame("frames", jobId, video, ["-sseof", "-1"], ["-c:v", "png"]);
  const last = lastFrameFile ? await fs.readFile(target("frames", jobId)).catch(() => null) : null;
  const size = last ? probeImage(last) : null;
  return {
    videoFile: outputName("videos", jobId),
    videoBytes,
    videoWidth: size?.width ?? null,
    videoHeight: size?.height ?? null,
    posterFile,
    lastFrameFile,
  };
}
