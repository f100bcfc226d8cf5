// backend-free: a LocalStore in a temporary folder, the same in both passes
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { LocalStore } from "./local";
import { copyObjects } from "./move";

const store = () => new LocalStore(fs.mkdtempSync(path.join(os.tmpdir(), "keyframe-move-")));

test("moving an install copies every folder Keyframe writes, exported films and thumbnails included, and skips what is there", async () => {
  const from = store();
  const to = store();
  const keys = [
    `inputs/${"a".repeat(64)}.png`,
    "videos/take0123456789abcdef.mp4",
    "posters/take0123456789abcdef.jpg",
    "thumbs/take0123456789abcdef.jpg",
    "frames/take0123456789abcdef.png",
    "films/film0123456789abcdef.mp4",
    "posters/film0123456789abcdef.jpg",
  ];
  for (const key of keys) await from.put(key, Buffer.from(key), "application/octet-stream");
  await to.put("videos/take0123456789abcdef.mp4", Buffer.from("already there"), "video/mp4");

  const counts = await copyObjects(from, to);
  for (const key of keys.filter((k) => !k.startsWith("videos/"))) expect((await to.bytes(key))?.toString()).toBe(key);
  expect((await to.bytes("videos/take0123456789abcdef.mp4"))?.toString()).toBe("already there");
  expect(Object.fromEntries(counts.map((c) => [c.folder, [c.found, c.copied]]))).toEqual({
    inputs: [1, 1],
    videos: [1, 0],
    posters: [2, 2],
    thumbs: [1, 1],
    frames: [1, 1],
    films: [1, 1],
  });
});
