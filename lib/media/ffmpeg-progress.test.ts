// backend-free: ffmpeg on temporary files, no database or object store
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { ffmpegWithProgress } from "./ffmpeg-progress";

const clipArgs = (out: string) => ["-f", "lavfi", "-i", "color=c=black:s=64x64:r=24:d=1", "-c:v", "libx264", "-preset", "ultrafast", out];

test("a signal aborted before the run starts: it rejects at once and ffmpeg makes nothing", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ffmpeg-progress-"));
  try {
    const out = path.join(dir, "clip.mp4");
    const abort = new AbortController();
    abort.abort();
    // Before, ffmpeg was started anyway and ran to the end: its abort listener came too late to fire.
    await expect(ffmpegWithProgress(clipArgs(out), 1, () => {}, abort.signal, 60_000)).rejects.toThrow("stopped");
    expect(fs.existsSync(out)).toBe(false);

    // The same run, not stopped, makes its file: what the check above would have found.
    await ffmpegWithProgress(clipArgs(out), 1, () => {}, new AbortController().signal, 60_000);
    expect(fs.statSync(out).size).toBeGreaterThan(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
