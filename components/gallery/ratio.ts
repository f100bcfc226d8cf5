import type { JobView } from "@/lib/jobs/types";
import { nearestAspectRatio, OUTPUT_SIZES, type AspectRatio } from "@/lib/model/seedance";

const clamp = (r: number) => Math.min(2.4, Math.max(0.45, r));

export function outputRatio(aspectRatio: AspectRatio | null, image: { width: number | null; height: number | null }): number {
  const ratio = aspectRatio ?? (image.width && image.height ? nearestAspectRatio(image.width, image.height) : "16:9");
  const size = OUTPUT_SIZES[ratio];
  return size.width / size.height;
}

/**
 * The shape of a take's frame, the same before and after its video exists (the output size follows from
 * the chosen ratio, or the one nearest the start image), so cards never change size as jobs finish.
 */
export function cardRatio(job: JobView): number {
  if (job.video?.width && job.video.height) return clamp(job.video.width / job.video.height);
  return clamp(outputRatio(job.params.aspectRatio, job.image));
}
