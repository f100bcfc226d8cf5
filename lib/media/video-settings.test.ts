// backend-free: ffmpeg on temporary files, no database or object store
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { runFile } from "./ffmpeg";
import { bufferReader, readMp4Tags } from "./mp4-tags";
import { tagVideo } from "./tag-video";
import { parseSettings, settingsTags } from "./video-settings";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyframe-tags-"));

async function clip(name: string): Promise<string> {
  const file = path.join(dir, name);
  await runFile("ffmpeg", [
    "-v",
    "error",
    "-f",
    "lavfi",
    "-i",
    "testsrc=size=320x240:rate=24",
    "-t",
    "1",
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    file,
  ]);
  return file;
}

const tagsOf = async (file: string) => {
  const bytes = fs.readFileSync(file);
  return readMp4Tags(bufferReader(bytes), bytes.length);
};

const settings = {
  prompt: "A cat “wakes” up\nslowly",
  seed: 4242,
  duration: 7,
  aspectRatio: "9:16",
  cameraFixed: true,
  enableSafetyChecker: false,
} as const;

describe("settings in the MP4", () => {
  test("written by ffmpeg, shown by ffprobe, read back by the parser and the form's schema", async () => {
    const file = await clip("tagged.mp4");
    expect(await tagVideo(file, settingsTags(settings))).toBe(true);
    const { stdout } = await runFile("ffprobe", ["-v", "error", "-show_entries", "format_tags", "-of", "json", file]);
    const probed = (JSON.parse(stdout) as { format: { tags: Record<string, string> } }).format.tags;
    expect(probed.title).toBe(settings.prompt);
    expect(probed.description).toContain("seed 4242");
    const read = parseSettings((await tagsOf(file))?.comment);
    expect(read).toEqual({ ok: true, values: { ...settings, model: "bytedance/seedance-v1-lite-i2v-480p" } });
  });

  test("out-of-range values are refused field by field, each with the form's message", () => {
    const comment = JSON.stringify({
      keyframe: 1,
      model: "bytedance/seedance-v1-lite-i2v-480p",
      prompt: "x".repeat(2001),
      seed: 2 ** 40,
      duration: 30,
      aspectRatio: "5:4",
      cameraFixed: "sometimes",
      enableSafetyChecker: true,
    });
    const read = parseSettings(comment);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(Object.keys(read.fields).sort()).toEqual(["aspectRatio", "cameraFixed", "duration", "prompt", "seed"]);
    expect(read.fields.duration).toBe("From the dropped video: Duration must be a whole number from 2 to 12.");
    expect(read.message).toMatch(/nothing was changed/);
  });

  test("a video without Keyframe's tags, another model's, or a file that is no MP4", async () => {
    const plain = await clip("plain.mp4");
    expect(parseSettings((await tagsOf(plain))?.comment)).toMatchObject({ ok: false, message: /no Keyframe settings/ });
    expect(parseSettings(JSON.stringify({ keyframe: 1, model: "other/model" }))).toMatchObject({ ok: false, message: /another model/ });
    const png = Buffer.from("\x89PNG\r\n\x1a\n0000000000000000", "latin1");
    expect(await readMp4Tags(bufferReader(png), png.length)).toBeNull();
  });
});
