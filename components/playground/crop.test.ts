// backend-free: pure functions, no database or object store
import { describe, expect, it } from "vitest";
import { layout, shapeDiffers } from "./crop";

describe("crop and fit", () => {
  it("crops a 16:9 image to 1:1 at its own resolution, slid by position", () => {
    const { out, source } = layout(1280, 720, 1, "crop", 0);
    expect(out).toEqual({ width: 720, height: 720 });
    expect(source).toEqual({ x: 0, y: 0, width: 720, height: 720 });
    expect(layout(1280, 720, 1, "crop", 1).source.x).toBe(560);
  });

  it("fits a 16:9 image into 9:16 without losing any of it", () => {
    const { out, target } = layout(1280, 720, 9 / 16, "fit");
    expect(out.width).toBe(1280);
    expect(out.height).toBe(2276);
    expect(target).toMatchObject({ x: 0, width: 1280, height: 720 });
  });

  it("never ends below 300 px on a side", () => {
    const { out } = layout(640, 320, 9 / 16, "crop");
    expect(Math.min(out.width, out.height)).toBeGreaterThanOrEqual(300);
  });

  it("says when the shape differs", () => {
    expect(shapeDiffers(864, 480, 16 / 9)).toBe(false);
    expect(shapeDiffers(640, 360, 1)).toBe(true);
  });
});
