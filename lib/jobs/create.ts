import "server-only";
import { randomInt } from "node:crypto";
import { insertJobs } from "@/lib/db/queries";
import type { NewJob } from "@/lib/db/schema";
import { priceMicros } from "@/lib/model/price";
import { SEED_MAX } from "@/lib/model/seedance";
import { removeInputs, saveInput } from "@/lib/storage/media";
import type { ImageInput } from "@/lib/validations/image-input";
import { variationSeeds, type GenerateRequest } from "@/lib/validations/generate";
import { newId } from "./ids";
import { toJobView } from "./view";
import type { JobView } from "./types";
import { kickWorker } from "./worker";

type StoredImage = { file: string | null; url: string | null; width: number | null; height: number | null };

async function store(image: ImageInput, written: string[]): Promise<StoredImage> {
  if (image.kind === "url") return { file: null, url: image.url, width: null, height: null };
  const saved = await saveInput(image.bytes, image.type);
  if (saved.created) written.push(saved.name);
  return { file: saved.name, url: null, width: image.width, height: image.height };
}

/** Stores the inputs and one queued job per variation; on any failure nothing is left behind. */
export async function createJobs(request: GenerateRequest, origin: string): Promise<JobView[]> {
  const written: string[] = [];
  try {
    const start = await store(request.image, written);
    const end = request.lastImage ? await store(request.lastImage, written) : null;
    const seeds = variationSeeds(request.seed, request.variations, () => randomInt(0, SEED_MAX + 1));
    const batchId = newId();
    const now = Date.now();
    const rows: NewJob[] = seeds.map((seed, variation) => ({
      id: newId(),
      batchId,
      variation,
      // Variation 0 sorts first in a newest-first gallery.
      createdAt: now - variation,
      updatedAt: now,
      status: "queued",
      prompt: request.prompt,
      imageFile: start.file,
      imageUrl: start.url,
      imageWidth: start.width,
      imageHeight: start.height,
      lastImageFile: end?.file ?? null,
      lastImageUrl: end?.url ?? null,
      lastImageWidth: end?.width ?? null,
      lastImageHeight: end?.height ?? null,
      duration: request.duration,
      aspectRatio: request.aspectRatio === "auto" ? null : request.aspectRatio,
      cameraFixed: request.cameraFixed,
      seed,
      safetyChecker: request.enableSafetyChecker,
      priceMicros: priceMicros(request.duration),
      shareId: newId(),
    }));
    const inserted = await insertJobs(rows);
    kickWorker();
    return inserted.map((job) => toJobView(job, origin));
  } catch (error) {
    await removeInputs(written);
    throw error;
  }
}
