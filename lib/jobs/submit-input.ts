import "server-only";
import type { Job } from "@/lib/db/schema";
import type { AspectRatio } from "@/lib/model/seedance";
import { inputContentType } from "@/lib/storage/keys";
import { readInput } from "./inputs";
import type { SubmitInput } from "@/lib/wavespeed/types";

/** A job's input is not stored (anymore): sending it can never work. */
export class MissingInput extends Error {}

async function imageField(file: string | null, url: string | null): Promise<string | undefined> {
  if (url) return url;
  if (!file) return undefined;
  const bytes = await readInput(file);
  if (!bytes) throw new MissingInput("An input image is missing from storage.");
  return `data:${inputContentType(file)};base64,${bytes.toString("base64")}`;
}

/** The upstream request for a stored job: stored images go as data URIs, user URLs as given. */
export async function submitInputFor(job: Job): Promise<SubmitInput> {
  const image = await imageField(job.imageFile, job.imageUrl);
  if (!image) throw new MissingInput("The job has no start image.");
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
