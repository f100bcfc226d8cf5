import "server-only";
import { createHash, randomInt } from "node:crypto";
import type { SessionUser } from "@/lib/auth/session";
import { insertJobs, jobsInBatch } from "@/lib/db/queries/jobs";
import type { Job, NewJob } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { priceMicros } from "@/lib/model/price";
import { SEED_MAX } from "@/lib/model/seedance";
import { getTeamSettings } from "@/lib/team/settings";
import { release, reserve } from "@/lib/team/spend";
import { claimSubmission, dropSubmission } from "@/lib/team/submissions";
import type { ImageInput } from "@/lib/validations/image-input";
import type { GenerateRequest } from "@/lib/validations/generate";
import { variationSeeds } from "@/lib/validations/generate-defaults";
import { refuseDuplicates } from "./duplicates";
import { newId } from "./ids";
import { releaseInputs, removeUnusedInputs, storeInput } from "./inputs";
import { toJobView } from "./view";
import type { JobView } from "./types";
import { kickWorker } from "./registry";

type StoredImage = { file: string | null; url: string | null; width: number | null; height: number | null };
export type SubmitOptions = {
  user: SessionUser;
  origin: string;
  idempotencyKey?: string | null;
  confirmDuplicate?: boolean;
  /** What the idempotency key stands for: the same key with another request is refused. */
  requestHash?: string;
};
export type Created = { jobs: JobView[]; replayed: boolean };

/** This request's stored inputs, pinned for it (as `holder`) until its jobs exist or it gives up. */
type Inputs = { holder: string; names: string[] };

async function store(image: ImageInput, inputs: Inputs): Promise<StoredImage> {
  if (image.kind === "url") return { file: null, url: image.url, width: null, height: null };
  const name = await storeInput(image.bytes, image.type, inputs.holder);
  inputs.names.push(name);
  return { file: name, url: null, width: image.width, height: image.height };
}

/** The exact request: images (by content or URL), prompt and every setting. */
function requestHash(request: GenerateRequest, start: StoredImage, end: StoredImage | null): string {
  const parts: unknown[] = [start.file ?? start.url, end?.file ?? end?.url ?? null, request.prompt, request.duration, request.aspectRatio];
  parts.push(request.cameraFixed, request.seed, request.enableSafetyChecker, request.variations);
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/**
 * One take's inputs as sent: images, prompt, settings and the seed it ran with (a random one once drawn).
 * Asking for that seed again with the same rest is paying twice for the same video.
 */
function takePrint(request: GenerateRequest, start: StoredImage, end: StoredImage | null, seed: number): string {
  const parts: unknown[] = ["take", start.file ?? start.url, end?.file ?? end?.url ?? null, request.prompt, request.duration];
  parts.push(request.aspectRatio, request.cameraFixed, request.enableSafetyChecker, seed);
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/**
 * Claims the submission (idempotency key, per-member rate limit), reserves its price under the caps, then
 * inserts the queued jobs. Each step undoes the ones before it on failure: no half batch, no stray charge.
 */
export async function submitBatch(rows: NewJob[], options: SubmitOptions): Promise<Created> {
  const team = await getTeamSettings();
  const batchId = rows[0]!.batchId;
  const key = options.idempotencyKey ?? newId();
  const claim = await claimSubmission(options.user.id, key, batchId, options.requestHash ?? batchId, team.submitsPerMinute);
  if (claim.kind === "replay") {
    const earlier = await jobsInBatch(claim.batchId);
    if (earlier.length === 0) throw new AppError("conflict", "This submission is still being processed; the gallery will show it.");
    return { jobs: earlier.map((job) => toJobView(job, options.origin)), replayed: true };
  }
  try {
    await reserve(
      options.user.id,
      rows.map((r) => ({ jobId: r.id, amountMicros: r.priceMicros })),
      team,
    );
  } catch (error) {
    await dropSubmission(options.user.id, key);
    throw error;
  }
  let inserted: Job[];
  try {
    inserted = await insertJobs(rows.map((r) => ({ ...r, userId: options.user.id, shareVisibility: team.defaultShareVisibility })));
  } catch (error) {
    await release(rows.map((r) => r.id));
    await dropSubmission(options.user.id, key);
    throw error;
  }
  kickWorker();
  return { jobs: inserted.map((job) => toJobView(job, options.origin)), replayed: false };
}

/** Stores the inputs and one queued job per variation; on any failure nothing is left behind. */
export async function createJobs(request: GenerateRequest, options: SubmitOptions): Promise<Created> {
  const inputs: Inputs = { holder: newId(), names: [] };
  let created: Created | undefined;
  try {
    const start = await store(request.image, inputs);
    const end = request.lastImage ? await store(request.lastImage, inputs) : null;
    const hash = requestHash(request, start, end);
    const seeds = variationSeeds(request.seed, request.variations, () => randomInt(0, SEED_MAX + 1));
    const prints = seeds.map((seed) => takePrint(request, start, end, seed));
    if (!options.confirmDuplicate) await refuseDuplicates(request.seed !== -1, request.duration, seeds, prints);
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
      fingerprint: prints[variation]!,
    }));
    created = await submitBatch(rows, { ...options, requestHash: hash });
    return created;
  } finally {
    await releaseInputs(inputs.holder);
    // Refused, failed or a replay: inputs no job uses (and no other request is about to) go.
    if (!created || created.replayed) await removeUnusedInputs(inputs.names);
  }
}
