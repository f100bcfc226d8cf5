import { IMAGE_MIN_SIDE } from "@/lib/model/seedance";

export type Mode = "crop" | "fit";
export type Rect = { x: number; y: number; width: number; height: number };

/** Whether an image of this size needs cropping or fitting to come out at `ratio` (more than 2% off). */
export function shapeDiffers(width: number, height: number, ratio: number): boolean {
  return Math.abs(Math.log(width / height / ratio)) > 0.02;
}

/**
 * The output canvas size and where the image goes on it. Crop: the largest window of `ratio` inside
 * the image, slid by `position` (0..1) along the axis that is cut. Fit: the whole image on a canvas of
 * `ratio` around it. Both keep the original resolution, and neither side ends below the model's minimum.
 */
export function layout(width: number, height: number, ratio: number, mode: Mode, position = 0.5) {
  if (mode === "crop") {
    const cropW = Math.min(width, Math.round(height * ratio));
    const cropH = Math.min(height, Math.round(width / ratio));
    const source: Rect = {
      x: Math.round((width - cropW) * position),
      y: Math.round((height - cropH) * position),
      width: cropW,
      height: cropH,
    };
    const scale = Math.max(1, IMAGE_MIN_SIDE / Math.min(cropW, cropH));
    const out = { width: Math.round(cropW * scale), height: Math.round(cropH * scale) };
    return { out, source, target: { x: 0, y: 0, ...out } };
  }
  const outW = Math.max(width, Math.round(height * ratio));
  const outH = Math.max(height, Math.round(width / ratio));
  const scale = Math.max(1, IMAGE_MIN_SIDE / Math.min(outW, outH));
  const out = { width: Math.round(outW * scale), height: Math.round(outH * scale) };
  const target: Rect = {
    x: Math.round((out.width - width * scale) / 2),
    y: Math.round((out.height - height * scale) / 2),
    width: Math.round(width * scale),
    height: Math.round(height * scale),
  };
  return { out, source: { x: 0, y: 0, width, height }, target };
}

/** Draws the result: a fitted image sits on a blurred, darkened copy of itself instead of flat bars. */
export function draw(
  canvas: HTMLCanvasElement,
  image: CanvasImageSource,
  width: number,
  height: number,
  ratio: number,
  mode: Mode,
  position: number,
) {
  const { out, source, target } = layout(width, height, ratio, mode, position);
  canvas.width = out.width;
  canvas.height = out.height;
  const ctx = canvas.getContext("2d")!;
  if (mode === "fit") {
    const cover = Math.max(out.width / width, out.height / height);
    ctx.filter = "blur(32px) brightness(0.6)";
    ctx.drawImage(image, (out.width - width * cover) / 2, (out.height - height * cover) / 2, width * cover, height * cover);
    ctx.filter = "none";
  }
  ctx.drawImage(image, source.x, source.y, source.width, source.height, target.x, target.y, target.width, target.height);
}
