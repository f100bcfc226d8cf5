import "server-only";
import fs from "node:fs/promises";
import { ffmpeg, hasFfmpeg, runFile } from "./ffmpeg";

/**
 * Writes tags into an MP4 in place, without re-encoding (the streams are copied as they are). False when
 * ffmpeg is missing or fails: the file is then left untouched.
 */
export async function tagVideo(file: string, tags: Record<string, string>): Promise<boolean> {
  if (!hasFfmpeg()) return false;
  const temp = `${file}.tagged.mp4`;
  const metadata = Object.entries(tags).flatMap(([key, value]) => ["-metadata", `${key}=${value}`]);
  try {
    await ffmpeg(["-i", file, "-map", "0", "-c", "copy", "-map_metadata", "0", ...metadata, "-movflags", "+faststart", temp]);
    await fs.rename(temp, file);
    return true;
  } catch (error) {
    console.warn("[tags] could not tag the video:", (error as Error).message);
    await fs.rm(temp, { force: true });
    return false;
  }
}

export type VideoInfo = { durationS: number; width: number; height: number };

/** Duration and frame size of a video file, by ffprobe. */
export async function probeVideo(file: string): Promise<VideoInfo> {
  const { stdout } = await runFile(
    "ffprobe",
    ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height:format=duration", "-of", "json", file],
    { timeout: 30_000 },
  );
  const info = JSON.parse(stdout) as { streams?: { width?: number; height?: number }[]; format?: { duration?: string } };
  const stream = info.streams?.[0];
  const durationS = Number(info.format?.duration);
  if (!stream?.width || !stream.height || !Number.isFinite(durationS)) throw new Error("not a playable video");
  return { durationS, width: stream.width, height: stream.height };
}
