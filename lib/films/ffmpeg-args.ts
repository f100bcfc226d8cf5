export const FPS = 24;

export type Frame = { width: number; height: number };

/** H.264 frame sizes must be even. */
export const evenFrame = (width: number, height: number): Frame => {
  const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
  return { width: even(width), height: even(height) };
};

/**
 * What every segment is encoded as, whatever its take was: SD or HD matrix, full or limited range, any frame
 * rate. The concat demuxer copies streams and the MP4 keeps only the first segment's header, so anything
 * left to the input (colour tags, profile, level, timescale) would be read off the first take for all of them.
 */
const SEGMENT = {
  colour: ["-color_range", "tv", "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709"],
  // 24 fps × 512: what the MP4 muxer picks for 24 fps itself, pinned so no take's rate can change it.
  timescale: ["-video_track_timescale", "12288"],
};

/**
 * One clip scaled to fit the film's frame, letterboxed (or pillarboxed) in black, at the film's frame rate,
 * encoded alike for every clip: segments that the concat demuxer can join without re-encoding. Its pixels
 * are converted to limited-range BT.709 (an untagged take is read as ffmpeg reads it, BT.601, which is how
 * ffmpeg made it), not just relabelled; SD and HD primaries and transfer differ too little to convert.
 */
export function normaliseArgs(input: string, frame: Frame, out: string): string[] {
  const { width: w, height: h } = frame;
  const fit = `scale=${w}:${h}:force_original_aspect_ratio=decrease:out_range=tv:out_color_matrix=bt709`;
  return [
    "-i",
    input,
    "-map",
    "0:v:0",
    "-vf",
    `${fit},pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,fps=${FPS},format=yuv420p`,
    "-an",
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-crf",
    "20",
    "-profile:v",
    "high",
    "-level:v",
    "4.0",
    "-pix_fmt",
    "yuv420p",
    ...SEGMENT.colour,
    ...SEGMENT.timescale,
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
    ...SEGMENT.timescale,
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
