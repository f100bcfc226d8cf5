import "server-only";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getJobs } from "@/lib/db/queries/jobs";
import type { Film } from "@/lib/db/schema";
import { workDir } from "@/lib/media/copy";
import { ffmpeg } from "@/lib/media/ffmpeg";
import { ffmpegWithProgress } from "@/lib/media/ffmpeg-progress";
import { probeVideo, type VideoInfo } from "@/lib/media/tag-video";
import { outputKey, outputName } from "@/lib/storage/keys";
import { getStore } from "@/lib/storage/store";
import { filmPosterKey, filmVideoKey } from "./files";

export type Rendered = { videoBytes: number; durationMs: number; width: number; height: number; posterFile: string | null };

/** A render that cannot succeed by trying again (a take is gone). */
export class FilmError extends Error {}

const FPS = 24;
const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/**
 * Every clip scaled to fit the first shot's frame, letterboxed (or pillarboxed) in black, at one frame rate,
 * then concatenated: takes of any size or aspect ratio make one film.
 */
export function concatArgs(
  inputs: string[],
  frame: { width: number; height: number },
  out: string,
  tags: Record<string, string>,
): string[] {
  const { width: w, height: h } = frame;
  const fit = inputs.map(
    (_, i) =>
      `[${i}:v]scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,fps=${FPS},format=yuv420p[v${i}]`,
  );
  const concat = `${inputs.map((_, i) => `[v${i}]`).join("")}concat=n=${inputs.length}:v=1:a=0[film]`;
  return [
    ...inputs.flatMap((file) => ["-i", file]),
    "-filter_complex",
    [...fit, concat].join(";"),
    "-map",
    "[film]",
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-crf",
    "20",
    "-pix_fmt",
    "yuv420p",
    "-movflags",
    "+faststart",
    ...Object.entries(tags).flatMap(([k, v]) => ["-metadata", `${k}=${v}`]),
    out,
  ];
}

async function fetchClips(film: Film, dir: string): Promise<string[]> {
  const store = await getStore();
  const jobs = new Map((await getJobs(film.jobIds)).map((j) => [j.id, j]));
  const files: string[] = [];
  for (const [i, id] of film.jobIds.entries()) {
    const job = jobs.get(id);
    const key = job?.videoFile ? outputKey("videos", job.videoFile) : null;
    const object = key ? await store.read(key) : null;
    if (!object) throw new FilmError(`Shot ${i + 1}'s take is no longer stored (it may have been deleted); pick another and export again.`);
    const file = path.join(dir, `${i}.mp4`);
    await pipeline(Readable.fromWeb(object.body as never), createWriteStream(file));
    files.push(file);
  }
  return files;
}

/** Renders a film's takes into one MP4 with a poster, stores both, and answers what was stored. */
export async function renderFilm(film: Film, onProgress: (perMille: number) => void, signal: AbortSignal): Promise<Rendered> {
  const dir = path.join(workDir(), `film-${film.id}-${randomBytes(4).toString("hex")}`);
  await fs.mkdir(dir, { recursive: true });
  try {
    const clips = await fetchClips(film, dir);
    signal.throwIfAborted();
    const infos: VideoInfo[] = await Promise.all(clips.map(probeVideo));
    const total = infos.reduce((sum, info) => sum + info.durationS, 0);
    const frame = { width: even(infos[0]!.width), height: even(infos[0]!.height) };
    const out = path.join(dir, "film.mp4");
    const tags = { title: film.name, description: `Keyframe film · ${clips.length} shot${clips.length === 1 ? "" : "s"}` };
    // Reading the clips counts for the first 5%; encoding for the rest, then storing finishes it.
    onProgress(50);
    await ffmpegWithProgress(concatArgs(clips, frame, out, tags), total, (f) => onProgress(50 + Math.floor(f * 900)), signal, 30 * 60_000);
    const result = await probeVideo(out);
    const poster = path.join(dir, "poster.jpg");
    const hasPoster = await ffmpeg([
      "-i",
      out,
      "-frames:v",
      "1",
      "-q:v",
      "3",
      "-c:v",
      "mjpeg",
      "-f",
      "image2",
      "-update",
      "1",
      poster,
    ]).then(
      () => true,
      () => false,
    );
    onProgress(960);
    const store = await getStore();
    await store.put(filmVideoKey(film.id), { path: out }, "video/mp4");
    if (hasPoster) await store.put(filmPosterKey(film.id), { path: poster }, "image/jpeg");
    return {
      videoBytes: (await fs.stat(out)).size,
      durationMs: Math.round(result.durationS * 1000),
      width: result.width,
      height: result.height,
      posterFile: hasPoster ? outputName("posters", film.id) : null,
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
