import "server-only";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getJobs } from "@/lib/db/queries/jobs";
import type { Film, Job } from "@/lib/db/schema";
import { workDir } from "@/lib/media/copy";
import { ffmpeg } from "@/lib/media/ffmpeg";
import { ffmpegWithProgress } from "@/lib/media/ffmpeg-progress";
import { probeVideo } from "@/lib/media/tag-video";
import { outputKey, outputName } from "@/lib/storage/keys";
import { getStore } from "@/lib/storage/store";
import { concatList, evenFrame, FPS, joinArgs, normaliseArgs, posterArgs, type Frame } from "./ffmpeg-args";
import { filmPosterKey, filmVideoKey } from "./files";

export type Rendered = {
  videoBytes: number;
  durationMs: number;
  width: number;
  height: number;
  posterFile: string | null;
  shotMs: number[];
};

/** A render that cannot succeed by trying again (a take is gone). */
export class FilmError extends Error {}

const STEP_TIMEOUT_MS = 10 * 60_000;
const gone = (i: number) =>
  new FilmError(`Shot ${i + 1}'s take is no longer stored (it may have been deleted); pick another and export again.`);

/** The film's takes in shot order, every one with a stored video, read from one query (before any work starts). */
async function storedTakes(film: Film): Promise<Job[]> {
  const jobs = new Map((await getJobs(film.jobIds)).map((j) => [j.id, j]));
  return film.jobIds.map((id, i) => {
    const job = jobs.get(id);
    if (!job?.videoFile) throw gone(i);
    return job;
  });
}

async function download(job: Job, i: number, file: string, signal: AbortSignal): Promise<void> {
  const key = outputKey("videos", job.videoFile!);
  const object = key ? await (await getStore()).read(key) : null;
  if (!object) throw gone(i);
  await pipeline(Readable.fromWeb(object.body as never), createWriteStream(file), { signal });
}

/**
 * Renders a film's takes into one MP4 with a poster, stores both, and answers what was stored. One clip at a
 * time (download, fit to the first shot's frame at 24 fps, drop the download), then the segments are joined
 * with their streams copied: memory and processes stay the same whatever the number of shots.
 */
export async function renderFilm(film: Film, onProgress: (perMille: number) => void, signal: AbortSignal): Promise<Rendered> {
  const dir = path.join(workDir(), `film-${film.id}-${randomBytes(4).toString("hex")}`);
  await fs.mkdir(dir, { recursive: true });
  try {
    const takes = await storedTakes(film);
    // The stored lengths weigh each clip's share of the bar: 5-90% for the clips, 90-95% joining, then storing.
    const total = takes.reduce((sum, t) => sum + t.duration, 0);
    const first = takes[0]!;
    let frame: Frame | null = first.videoWidth && first.videoHeight ? evenFrame(first.videoWidth, first.videoHeight) : null;
    const segments: string[] = [];
    const shotMs: number[] = [];
    let before = 0;
    onProgress(50);
    for (const [i, take] of takes.entries()) {
      signal.throwIfAborted();
      const source = path.join(dir, "take.mp4");
      await download(take, i, source, signal);
      signal.throwIfAborted();
      // Takes copied before their size was recorded: the first one is probed, once.
      const fit: Frame = frame ?? (await probeVideo(source).then((info) => evenFrame(info.width, info.height)));
      frame = fit;
      const from = 50 + (850 * before) / total;
      const span = (850 * take.duration) / total;
      segments.push(`${i}.mp4`);
      const { frames } = await ffmpegWithProgress(
        normaliseArgs(source, fit, path.join(dir, segments.at(-1)!)),
        take.duration,
        (f) => onProgress(Math.floor(from + f * span)),
        signal,
        STEP_TIMEOUT_MS,
      );
      await fs.rm(source);
      // Every segment is constant-rate at FPS: its length is its frame count (where a take's comments land).
      shotMs.push(Math.round((frames * 1000) / FPS));
      before += take.duration;
    }
    signal.throwIfAborted();
    const list = path.join(dir, "list.txt");
    await fs.writeFile(list, concatList(segments));
    const out = path.join(dir, "film.mp4");
    const tags = { title: film.name, description: `Keyframe film · ${takes.length} shot${takes.length === 1 ? "" : "s"}` };
    await ffmpegWithProgress(joinArgs(list, out, tags), total, (f) => onProgress(900 + Math.floor(f * 50)), signal, STEP_TIMEOUT_MS);
    for (const name of segments) await fs.rm(path.join(dir, name));
    signal.throwIfAborted();
    const result = await probeVideo(out);
    const poster = path.join(dir, "poster.jpg");
    const hasPoster = await ffmpeg(posterArgs(out, poster)).then(
      () => true,
      () => false,
    );
    onProgress(960);
    signal.throwIfAborted();
    const videoBytes = (await fs.stat(out)).size;
    const store = await getStore();
    await store.put(filmVideoKey(film.id), { path: out }, "video/mp4");
    if (hasPoster) await store.put(filmPosterKey(film.id), { path: poster }, "image/jpeg");
    return {
      videoBytes,
      durationMs: Math.round(result.durationS * 1000),
      width: result.width,
      height: result.height,
      posterFile: hasPoster ? outputName("posters", film.id) : null,
      shotMs,
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
