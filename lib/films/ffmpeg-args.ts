export const FPS = 24;

export type Frame = { width: number; height: number };

/** H.264 frame sizes must be even. */
export const evenFrame = (width: number, height: number): Frame => {
  const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
  return { width: even(width), height: even(height) };
};

/**
 * One clip scaled to fit the film's frame, letterboxed (or pillarboxed) in black, at the film's frame rate,
 * encoded alike for every clip: segments that the concat demuxer can join without re-encoding.
 */
export function normaliseArgs(input: string, frame: Frame, out: string): string[] {
  const { width: w, height: h } = frame;
  return [
    "-i",
    input,
    "-map",
    "0:v:0",
    "-vf",
    `scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,fps=${FPS},format=yuv420p`,
    "-an",
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-crf",
    "20",
    "-pix_fmt",
    "yuv420p",
    out,
  ];
}

/** The concat demuxer's list: names relative to the list's own folder, so no path needs quoting or escaping. */
export const concatList = (names: string[]) => names.map((name) => `file '${name}'\n`).join("");

/** The normalised segments one after another, streams copied (one segment open at a time), tagged, moov first. */
export function joinArgs(list: string, out: string, tags: Record<string, string>): string[] {
  return [
    "-f",
    "concat",
    "-i",
    list,
    "-map",
    "0:v",
    "-c",
    "copy",
    "-movflags",
    "+faststart",
    ...Object.entries(tags).flatMap(([k, v]) => ["-metadata", `${k}=${v}`]),
    out,
  ];
}

export const posterArgs = (video: string, out: string) => [
  "-i",
  video,
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
  out,
];
