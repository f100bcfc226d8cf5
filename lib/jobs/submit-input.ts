import "server-only";
import type { Job } from "@/lib/db/schema";
import type { AspectRatio } from "@/lib/model/seedance";
import { inputContentType } from "@/lib/storage/keys";
import { readInput } from "./inputs";
import type { SubmitInput } from "@/lib/wavespeed/types";

async function imageField(file: string | null, url: string | null): Promise<string | undefined> {
  if (url) return url;
  if (!file) return undefined;
  const bytes = await readInput(file);
  if (!bytes) throw new Error("An input image is missing from storage.");
  return `data:${inputContentType(file)};base64,${bytes.toString("base64")}`;
}

/** The upstream request for a stored job: stored images go as data URIs, user URLs as given. */
export async function submitInputFor(job: Job): Promise<SubmitInput> {
  const image = await imageField(job.imageFile, job.imageUrl);
  if (!image) throw new Error("The job has no start image.");
  return {
    image,
    lastImage: await imageField(job.lastImageFile, job.lastImageUrl),
    prompt: job.prompt,
    duration: job.duration,
    aspectRatio: (job.aspectRatio as AspectRatio | null) ?? undefined,
    cameraFixed: job.cameraFixed,
    seed: job.seed,
    enableSafetyChecker: job.safetyChecker,
  };
}
