// backend-free: pure functions, no database or object store
import { expect, test } from "vitest";
import { nearestAspectRatio } from "./seedance";

test.each([
  [1280, 720, "16:9"],
  [1920, 1080, "16:9"],
  [1000, 1000, "1:1"],
  [720, 1280, "9:16"],
  [2560, 1080, "21:9"],
  [1024, 768, "4:3"],
  [768, 1024, "3:4"],
  [5000, 1000, "21:9"],
])("%ix%i is nearest to %s", (w, h, ratio) => {
  expect(nearestAspectRatio(w, h)).toBe(ratio);
});
