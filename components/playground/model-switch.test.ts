// backend-free: pure functions (switching models in the form)
import { expect, test } from "vitest";
import { ENTRIES } from "@/lib/catalog";
import { modelOption, switchModel } from "./model-switch";

const [lite, , , , , , , two] = ENTRIES;

test("lite 480p to 2.0: what no longer fits changes and is named; what fits is kept", () => {
  const moved = switchModel({ duration: 2, cameraFixed: true }, two!.id);
  expect(moved.changes).toEqual({ duration: 4, cameraFixed: false, resolution: "720p", generateAudio: true });
  expect(moved.notes).toEqual({
    duration: "Changed from 2 s to 4 s: 2.0 takes 4-15 s.",
    cameraFixed: "Camera fixed turned off: 2.0 has no such setting.",
  });
  expect(switchModel({ duration: 7, cameraFixed: false }, two!.id).notes).toEqual({});
});

test("2.0 back to lite 480p: 15 s becomes 12 s, sound and resolution go", () => {
  const moved = switchModel({ duration: 15, cameraFixed: false, resolution: "1080p", generateAudio: true }, lite!.id);
  expect(moved.changes).toEqual({ duration: 12, resolution: undefined, generateAudio: undefined });
  expect(moved.notes).toEqual({
    duration: "Changed from 15 s to 12 s: Lite 480p takes 2-12 s.",
    generateAudio: "Sound turned off: Lite 480p makes silent clips.",
  });
});

test("the picker names each model's tiers and rate", () => {
  expect(modelOption(lite!)).toBe("Lite 480p · 480p · $0.016/s");
  expect(modelOption(two!)).toBe("2.0 · 480p/720p/1080p · from $0.12/s");
});
