import "server-only";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getJob } from "@/lib/db/queries/jobs";
import { env } from "@/lib/env";
import { probeImage } from "@/lib/images/probe";
import { OUTPUT_KINDS, outputName, type OutputKind } from "@/lib/storage/keys";
import { getStore } from "@/lib/storage/store";
import type { AspectChoice } from "@/lib/model/seedance";
import { ffmpeg, hasFfmpeg } from "./ffmpeg";
import { tagVideo } from "./tag-video";
import { thumbnail } from "./thumb";
import { settingsTags } from "./video-settings";

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

async function download(url: string, file: string, timeoutMs: number, signal?: AbortSignal): Promise<number> {
  let response: Response;
  try {
    const timeout = AbortSignal.timeout(timeoutMs);
    response = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout, cache: "no-store" });
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
    throw error instanceof CopyError ? error : new CopyError(`The video download broke off: ${(error as Error).message}.`);
  }
  const head = Buffer.alloc(12);
  const handle = await fs.open(file);
  await handle.read(head, 0, 12, 0).finally(() => handle.close());
  if (head.toString("latin1", 4, 8) !== "ftyp") throw new CopyError("The download was not an MP4 video.");
  return bytes;
}

/** Renders one frame into `file`; false when ffmpeg is missing or fails (the video still counts). */
async function frame(file: string, video: string, input: string[], output: string[]): Promise<boolean> {
  if (!hasFfmpeg()) return false;
  try {
    await ffmpeg([...input, "-i", video, ...output, "-f", "image2", "-update", "1", file]);
    return true;
  } catch (error) {
    console.warn(`[copy] ${path.basename(file)} failed:`, (error as Error).message);
    return false;
  }
}

/** The gallery's card-sized poster; false when it fails (the media route makes it from the poster later). */
async function makeThumb(poster: string, file: string): Promise<boolean> {
  try {
    await fs.writeFile(file, await thumbnail(poster));
    return true;
  } catch (error) {
    console.warn(`[copy] ${path.basename(file)} failed:`, (error as Error).message);
    return false;
  }
}

/** The settings the take was made with, carried in the MP4 itself so a download can be dropped back on the form. */
async function tagWithSettings(jobId: string, file: string): Promise<void> {
  const job = await getJob(jobId);
  if (!job) return;
  const { prompt, seed, duration, cameraFixed } = job;
  const aspectRatio = (job.aspectRatio ?? "auto") as AspectChoice;
  const { model, resolution, generateAudio } = job;
  const settings = { prompt, seed, duration, aspectRatio, cameraFixed, enableSafetyChecker: job.safetyChecker };
  await tagVideo(file, settingsTags({ ...settings, model, resolution, generateAudio }));
}

/** Where downloads and renders happen before they are stored (per instance; DATA_DIR/tmp). */
export const workDir = () => path.join(/*turbopackIgnore: true*/ env().dataDir, "tmp");

/**
 * Downloads a finished output, tags it with its settings, renders a poster (first frame), its card-sized
 * thumbnail and the last frame (for "Continue from last frame") in a scratch folder, then stores them all. A restart or an abort simply starts the copy over.
 */
export async function copyOutput(jobId: string, url: string, timeoutMs: number, signal?: AbortSignal): Promise<CopiedOutput> {
  const dir = path.join(/*turbopackIgnore: true*/ workDir(), `${jobId}-${randomBytes(4).toString("hex")}`);
  await fs.mkdir(dir, { recursive: true });
  try {
    // A poster and its thumbnail share a name in their folders, so the scratch names say their kind.
    const local = (kind: OutputKind) => path.join(/*turbopackIgnore: true*/ dir, `${kind}-${outputName(kind, jobId)}`);
    await download(url, local("videos"), timeoutMs, signal);
    await tagWithSettings(jobId, local("videos"));
    const videoBytes = (await fs.stat(local("videos"))).size;
    const poster = await frame(local("posters"), local("videos"), [], ["-frames:v", "1", "-q:v", "3", "-c:v", "mjpeg"]);
    const thumb = poster && (await makeThumb(local("posters"), local("thumbs")));
    // Decoding the final second and keeping each frame over the last leaves exactly the last frame.
    const last = await frame(local("frames"), local("videos"), ["-sseof", "-1"], ["-c:v", "png"]);
    const size = last ? probeImage(await fs.readFile(local("frames"))) : null;
    signal?.throwIfAborted();

    const store = await getStore();
    const kinds: OutputKind[] = [
      "videos",
      ...(poster ? (["posters"] as const) : []),
      ...(thumb ? (["thumbs"] as const) : []),
      ...(last ? (["frames"] as const) : []),
    ];
    await Promise.all(kinds.map((kind) => store.put(`${kind}/${outputName(kind, jobId)}`, { path: local(kind) }, OUTPUT_KINDS[kind].type)));
    return {
      videoFile: outputName("videos", jobId),
      videoBytes,
      videoWidth: size?.width ?? null,
      videoHeight: size?.height ?? null,
      posterFile: poster ? outputName("posters", jobId) : null,
      lastFrameFile: last ? outputName("frames", jobId) : null,
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
