// backend-free: pure functions, no database or object store
import { describe, expect, test } from "vitest";
import { downloadName } from "./filename";

describe("downloadName", () => {
  test.each([
    ["A cat wakes up, stretches & yawns!", 42, "a-cat-wakes-up-stretches-yawns-seed42.mp4"],
    ["Café crème — slow pan", 7, "cafe-creme-slow-pan-seed7.mp4"],
    ["   ", 1, "keyframe-seed1.mp4"],
    ["../../etc/passwd", 3, "etc-passwd-seed3.mp4"],
    ["x".repeat(100), 2147483647, `${"x".repeat(48)}-seed2147483647.mp4`],
  ])("%s", (prompt, seed, expected) => {
    expect(downloadName(prompt, seed)).toBe(expected);
  });
});
