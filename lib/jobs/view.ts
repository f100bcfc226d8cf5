import type { Job } from "@/lib/db/schema";
import { formatUsd } from "@/lib/model/price";
import type { AspectRatio } from "@/lib/model/seedance";
import type { ImageRef, JobView } from "./types";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function imageRef(file: string | null, url: string | null, width: number | null, height: number | null): ImageRef | null {
  const src = file ? `/media/inputs/${file}` : url;
  return src ? { src, width, height } : null;
}

export function toJobView(job: Job): JobView {
  const output = job.outputs[0];
  return {
    id: job.id,
    batchId: job.batchId,
    variation: job.variation,
    status: job.status,
    createdAt: new Date(job.createdAt).toISOString(),
    prompt: job.prompt,
    params: {
      duration: job.duration,
      aspectRatio: job.aspectRatio as AspectRatio | null,
      cameraFixed: job.cameraFixed,
      seed: job.seed,
      enableSafetyChecker: job.safetyChecker,
    },
    price: { micros: job.priceMicros, label: formatUsd(job.priceMicros) },
    image: imageRef(job.imageFile, job.imageUrl, job.imageWidth, job.imageHeight) ?? { src: "", width: null, height: null },
    lastImage: imageRef(job.lastImageFile, job.lastImageUrl, job.lastImageWidth, job.lastImageHeight),
    video: job.status === "completed" && output ? { src: output, nsfw: job.nsfw[0] ?? false } : null,
    error: job.error,
    submittedAt: iso(job.submittedAt),
    processingAt: iso(job.processingAt),
    finishedAt: iso(job.finishedAt),
  };
}
