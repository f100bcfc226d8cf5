import "server-only";
import { createHash, randomInt } from "node:crypto";
import type { SessionUser } from "@/lib/auth/user";
import { insertJobs, jobsInBatch } from "@/lib/db/queries/jobs";
import type { Job, NewJob } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { DEFAULT_MODEL, modelOf, resolutionFor } from "@/lib/catalog";
import { admittedPriceMicros } from "@/lib/catalog/quote";
import { refuseUnavailable } from "@/lib/catalog/live";
import { modelProblems } from "@/lib/catalog/rules";
import { SEED_MAX } from "@/lib/model/seedance";
import { getTeamSettings } from "@/lib/team/settings";
import { release, reserve } from "@/lib/team/spend";
import { claimSubmission, dropSubmission, ROW_CLAIM } from "@/lib/team/submissions";
import type { ImageInput } from "@/lib/validations/image-input";
import type { TeamSettings } from "@/lib/validations/team";
import type { GenerateRequest } from "@/lib/validations/generate";
import { variationSeeds } from "@/lib/validations/generate-defaults";
import { refuseDuplicates } from "./duplicates";
import { newId } from "./ids";
import { inputName, releaseInputs, removeUnusedInputs, storeInput } from "./inputs";
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
  /**
   * A row of a batch (job_groups row `groupId`): its jobs join the group, and its claim is no submission of
   * its own under the per-minute limit (the batch claimed one for all its rows).
   */
  groupId?: string;
  /** The submission's id (jobs.batch_id): a batch derives each row's, so a resend can tell which rows are made. */
  batchId?: string;
};
export type Created = { jobs: JobView[]; replayed: boolean };

/** This request's stored inputs, pinned for it (as `holder`) until its jobs exist or it gives up. */
type Inputs = { holder: string; names: string[] };

/** The image as its job row will name it: a stored file's name is its content's hash, known before it is stored. */
export function named(image: ImageInput): StoredImage {
  if (image.kind === "url") return { file: null, url: image.url, width: null, height: null };
  return { file: inputName(image.bytes, image.type), url: null, width: image.width, height: image.height };
}

async function store(image: ImageInput, inputs: Inputs): Promise<void> {
  if (image.kind === "url") return;
  inputs.names.push(await storeInput(image.bytes, image.type, inputs.holder));
}

/** What a request asks of its model, as stored on its rows (defaults filled in; none for a model without the field). */
export function modelChoice(request: GenerateRequest) {
  const entry = modelOf(request.model);
  return {
    model: entry.id,
    resolution: entry.resolutions.length > 1 ? resolutionFor(entry, request.resolution) : null,
    generateAudio: entry.audio ? (request.generateAudio ?? entry.audio.default) : null,
  };
}

/** The model in a hash: nothing for lite 480p, so hashes of takes from before models were chosen still match. */
function modelParts(request: GenerateRequest): unknown[] {
  const choice = modelChoice(request);
  return choice.model === DEFAULT_MODEL.id ? [] : [choice.model, choice.resolution, choice.generateAudio];
}

/** The exact request: images (by content or URL), prompt and every setting. */
export function requestHash(request: GenerateRequest, start: StoredImage, end: StoredImage | null): string {
  const parts: unknown[] = [start.file ?? start.url, end?.file ?? end?.url ?? null, request.prompt, request.duration, request.aspectRatio];
  parts.push(request.cameraFixed, request.seed, request.enableSafetyChecker, request.variations, ...modelParts(request));
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/**
 * One take's inputs as sent: images, prompt, settings and the seed it ran with (a random one once drawn).
 * Asking for that seed again with the same rest is paying twice for the same video.
 */
export function takePrint(request: GenerateRequest, start: StoredImage, end: StoredImage | null, seed: number): string {
  const parts: unknown[] = ["take", start.file ?? start.url, end?.file ?? end?.url ?? null, request.prompt, request.duration];
  parts.push(request.aspectRatio, request.cameraFixed, request.enableSafetyChecker, seed, ...modelParts(request));
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

type Admission = { kind: "replay"; created: Created } | { kind: "admitted"; team: TeamSettings; undo: () => Promise<void> };

/**
 * Claims the submission (idempotency key, per-member rate limit) and reserves its price under the caps;
 * `undo` gives both back. A refusal throws and leaves nothing behind.
 */
async function admit(rows: NewJob[], options: SubmitOptions): Promise<Admission> {
  const team = await getTeamSettings();
  const batchId = rows[0]!.batchId;
  const key = options.idempotencyKey ?? newId();
  const hash = options.requestHash ?? batchId;
  const claim = options.groupId
    ? await claimSubmission(options.user.id, key, batchId, `${ROW_CLAIM}${hash}`, null)
    : await claimSubmission(options.user.id, key, batchId, hash, team.submitsPerMinute);
  if (claim.kind === "replay") {
    const earlier = await jobsInBatch(claim.batchId);
    if (earlier.length === 0) throw new AppError("conflict", "This submission is still being processed; the gallery will show it.");
    return { kind: "replay", created: { jobs: earlier.map((job) => toJobView(job, options.origin)), replayed: true } };
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
  return {
    kind: "admitted",
    team,
    undo: async () => {
      await release(rows.map((r) => r.id));
      await dropSubmission(options.user.id, key);
    },
  };
}

/** Admits the batch, runs `prepare` (storing its images), then inserts the queued jobs; on failure undoes it all. */
async function admitAndInsert(rows: NewJob[], options: SubmitOptions, prepare: () => Promise<void> = async () => {}): Promise<Created> {
  const admission = await admit(rows, options);
  if (admission.kind === "replay") return admission.created;
  let inserted: Job[];
  try {
    await prepare();
    const shareVisibility = admission.team.defaultShareVisibility;
    inserted = await insertJobs(rows.map((r) => ({ ...r, userId: options.user.id, shareVisibility })));
  } catch (error) {
    await admission.undo();
    throw error;
  }
  kickWorker();
  return { jobs: inserted.map((job) => toJobView(job, options.origin)), replayed: false };
}

/** Queues jobs whose images are already stored (a retry): admitted under the caps and rate limit, then inserted. */
export function submitBatch(rows: NewJob[], options: SubmitOptions): Promise<Created> {
  return admitAndInsert(rows, options);
}

/**
 * One queued job per variation. Admission first (duplicate check, rate limit, caps), and only then are new
 * images stored: a refused submit writes nothing, and on any failure nothing is left behind.
 */
export async function createJobs(request: GenerateRequest, options: SubmitOptions): Promise<Created> {
  // A shot's takes follow its picked take's model: checked here, as the form checks its own.
  const problems = modelProblems(modelOf(request.model), request);
  const first = Object.values(problems)[0];
  if (first) throw new AppError("validation_failed", first, problems);
  await refuseUnavailable(request.model);
  const inputs: Inputs = { holder: newId(), names: [] };
  let created: Created | undefined;
  try {
    const start = named(request.image);
    const end = request.lastImage ? named(request.lastImage) : null;
    const hash = requestHash(request, start, end);
    const seeds = variationSeeds(request.seed, request.variations, () => randomInt(0, SEED_MAX + 1));
    const prints = seeds.map((seed) => takePrint(request, start, end, seed));
    const choice = modelChoice(request);
    if (!options.confirmDuplicate) await refuseDuplicates(request.seed !== -1, request.duration, seeds, prints, choice);
    const perVideo = await admittedPriceMicros({ ...choice, duration: request.duration });
    const batchId = options.batchId ?? newId();
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
      ...choice,
      priceMicros: perVideo,
      shareId: newId(),
      groupId: options.groupId ?? null,
      fingerprint: prints[variation]!,
    }));
    created = await admitAndInsert(rows, { ...options, requestHash: hash }, async () => {
      await store(request.image, inputs);
      if (request.lastImage) await store(request.lastImage, inputs);
    });
    return created;
  } finally {
    await releaseInputs(inputs.holder);
    // Refused, failed or a replay: inputs no job uses (and no other request is about to) go.
    if (!created || created.replayed) await removeUnusedInputs(inputs.names);
  }
}
