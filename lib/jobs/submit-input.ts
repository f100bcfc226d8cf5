import "server-only";
import type { Job } from "@/lib/db/schema";
import type { AspectRatio } from "@/lib/model/seedance";
import { inputContentType } from "@/lib/storage/keys";
import type { WaveSpeedClient } from "@/lib/wavespeed/client";
import type { SubmitInput } from "@/lib/wavespeed/types";
import { readInput } from "./inputs";
import { uploadedUrl } from "./uploads";

/** A job's input is not stored (anymore): sending it can never work. */
export class MissingInput extends Error {}

type Images = { client: WaveSpeedClient; abort?: AbortSignal };

async function imageField(file: string | null, url: string | null, which: "start" | "end", images: Images): Promise<string | undefined> {
  if (url) return url;
  if (!file) return undefined;
  const bytes = await readInput(file);
  if (!bytes) throw new MissingInput("An input image is missing from storage.");
  return uploadedUrl(images.client, bytes, { filename: file, contentType: inputContentType(file), which }, images.abort);
}

/**
 * The upstream request for a stored job: stored images go by upload (their WaveSpeed addresses, so a submit
 * stays a few kilobytes), URLs a member typed as given. Throws UploadFailed when an image cannot be uploaded.
 */
export async function submitInputFor(job: Job, images: Images): Promise<SubmitInput> {
  const image = await imageField(job.imageFile, job.imageUrl, "start", images);
  if (!image) throw new MissingInput("The job has no start image.");
  return {
    image,
    lastImage: await imageField(job.lastImageFile, job.lastImageUrl, "end", images),
    prompt: job.prompt,
    duration: job.duration,
    aspectRatio: (job.aspectRatio as AspectRatio | null) ?? undefined,
    cameraFixed: job.cameraFixed,
    seed: job.seed,
    enableSafetyChecker: job.safetyChecker,
    model: job.model,
    resolution: job.resolution ?? undefined,
    generateAudio: job.generateAudio ?? undefined,
  };
}
