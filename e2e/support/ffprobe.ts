import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** Duration, frame size and tags of MP4 bytes, as ffprobe reads them. */
export function ffprobe(bytes: Buffer): { duration: number; width: number; height: number; tags: Record<string, string> } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "keyframe-probe-")), "video.mp4");
  fs.writeFileSync(file, bytes);
  try {
    const out = execFileSync(
      "ffprobe",
      ["-v", "error", "-show_entries", "format=duration:format_tags:stream=width,height", "-of", "json", file],
      {
        encoding: "utf8",
      },
    );
    const info = JSON.parse(out) as {
      format: { duration: string; tags?: Record<string, string> };
      streams: { width?: number; height?: number }[];
    };
    const video = info.streams.find((s) => s.width) ?? {};
    return { duration: Number(info.format.duration), width: video.width ?? 0, height: video.height ?? 0, tags: info.format.tags ?? {} };
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
