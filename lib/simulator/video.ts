import fs from "node:fs/promises";
import path from "node:path";
import { ffmpeg } from "@/lib/media/ffmpeg";

export { hasFfmpeg } from "@/lib/media/ffmpeg";

const FPS = 24;

const even = (n: number) => Math.round(n / 2) * 2;

/**
 * A playable H.264 clip of exactly `duration` seconds from the start image: a slow push-in,
 * cross-fading into the end image over the last second when there is one.
 */
export async function renderClip(opts: {
  image: string;
  lastImage?: string;
  width: number;
  height: number;
  duration: number;
  /** A sound track (a quiet tone), as models with `generate_audio` make. */
  audio?: boolean;
  out: string;
}): Promise<void> {
  const frames = opts.duration * FPS;
  const { width: w, height: h } = opts;
  const fit = (W: number, H: number) => `scale=${W}:${H}:force_original_aspect_ratio=increase,crop=${W}:${H},setsar=1`;
  const zoom = `zoompan=z='1+0.12*on/${frames}':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=${w}x${h}:fps=${FPS}`;
  const inputs = ["-loop", "1", "-framerate", String(FPS), "-t", String(opts.duration), "-i", opts.image];
  let graph = `[0:v]${fit(even(w * 1.25), even(h * 1.25))},${zoom},format=yuv420p[v]`;
  if (opts.lastImage && opts.duration >= 2) {
    inputs.push("-loop", "1", "-framerate", String(FPS), "-t", String(opts.duration), "-i", opts.lastImage);
    graph =
      `[0:v]${fit(even(w * 1.25), even(h * 1.25))},${zoom},format=yuv420p[a];` +
      `[1:v]${fit(w, h)},fps=${FPS},format=yuv420p[b];` +
      `[a][b]xfade=transition=fade:duration=1:offset=${opts.duration - 1},format=yuv420p[v]`;
  }
  const sound = opts.audio ? ["-f", "lavfi", "-t", String(opts.duration), "-i", "sine=frequency=330:sample_rate=44100"] : [];
  const soundOut = opts.audio ? ["-map", `${inputs.filter((a) => a === "-i").length}:a`, "-c:a", "aac", "-b:a", "64k"] : [];
  const temp = `${opts.out}.part.mp4`;
  await ffmpeg(
    [
      ...inputs,
      ...sound,
      "-filter_complex",
      graph,
      "-map",
      "[v]",
      ...soundOut,
      "-frames:v",
      String(frames),
      "-r",
      String(FPS),
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-crf",
      "28",
      "-movflags",
      "+faststart",
      temp,
    ],
    120_000,
  );
  await fs.rename(temp, opts.out);
}

/** Where ffmpeg is absent: a bundled clip, honest about being a stand-in. */
export async function copyFallbackClip(out: string): Promise<void> {
  await fs.copyFile(path.join(process.cwd(), "lib", "simulator", "assets", "fallback.mp4"), out);
}
