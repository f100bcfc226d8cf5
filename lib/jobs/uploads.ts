import "server-only";
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { findUpload, forgetUpload, pruneUploads, saveUpload } from "@/lib/db/queries/uploads";
import type { Job } from "@/lib/db/schema";
import { readInput } from "./inputs";
import type { WaveSpeedClient } from "@/lib/wavespeed/client";
import { UPLOAD_KEPT_MS, type UploadFailure, type UploadFile } from "@/lib/wavespeed/upload";

/** WaveSpeed keeps an upload 7 days; one a day from expiry is uploaded again rather than risk a dead link. */
export const UPLOAD_REUSE_MS = UPLOAD_KEPT_MS - 24 * 60 * 60 * 1000;
const TRIES = 3;
const BACKOFF_MS = 500;
const MAX_WAIT_MS = 30_000;

// Keyed by the bytes and the WaveSpeed they went to: an upload to the simulator (or another endpoint) is
// no address for the real one after the key is set.
const uploadKey = (baseUrl: string, bytes: Uint8Array) => createHash("sha256").update(baseUrl).update("\0").update(bytes).digest("hex");

/** WaveSpeed's code for a task whose inputs it could not fetch. */
export const MEDIA_ACCESS_FAILED = 1402;

/**
 * WaveSpeed could not fetch a job's inputs (code 1402): the uploads it used may be gone before their 7 days,
 * so they are forgotten and the next job with these images uploads them again.
 */
export async function forgetUploadsOf(job: Pick<Job, "imageFile" | "lastImageFile">, baseUrl: string): Promise<void> {
  for (const file of [job.imageFile, job.lastImageFile]) {
    const bytes = file ? await readInput(file).catch(() => null) : null;
    if (bytes) await forgetUpload(uploadKey(baseUrl, bytes));
  }
}

/** An image could not be uploaded, so nothing was submitted or charged. `retryable`: a later try may work. */
export class UploadFailed extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** WaveSpeed refused the API key (401/403): the job waits for the key rather than failing. */
    readonly refused?: { status: number; message: string },
  ) {
    super(message);
    this.name = "UploadFailed";
  }
}

function failed(which: string, outcome: UploadFailure): UploadFailed {
  const why = outcome.kind === "key_refused" ? `WaveSpeed refused the API key (${outcome.message})` : outcome.message;
  return new UploadFailed(
    `Could not upload the ${which} image to WaveSpeed: ${why}; nothing was sent or charged.`,
    outcome.kind === "transient",
    outcome.kind === "key_refused" ? { status: outcome.status ?? 401, message: outcome.message } : undefined,
  );
}

/**
 * The address WaveSpeed knows these bytes by: a recorded upload still kept long enough, else a new upload
 * (retried a few times with backoff: an upload costs nothing). Shared through the database, so instances and
 * restarts reuse it; two jobs uploading the same new image at once both upload, and both record it.
 */
export async function uploadedUrl(
  client: WaveSpeedClient,
  bytes: Uint8Array,
  file: UploadFile & { which: "start" | "end" },
  abort?: AbortSignal,
): Promise<string> {
  const sha256 = uploadKey(client.baseUrl, bytes);
  const startedAt = Date.now();
  const known = await findUpload(sha256);
  if (known && known.uploadedAt + UPLOAD_REUSE_MS > startedAt) return known.url;
  let outcome = await client.upload(bytes, file, abort);
  for (let attempt = 1; !outcome.ok && outcome.kind === "transient" && attempt < TRIES && !abort?.aborted; attempt++) {
    const wait = Math.min(MAX_WAIT_MS, outcome.retryAfterMs ?? BACKOFF_MS * 2 ** (attempt - 1));
    const stopped = await sleep(wait, false, { signal: abort }).catch(() => true);
    if (stopped) break;
    outcome = await client.upload(bytes, file, abort);
  }
  if (!outcome.ok) throw failed(file.which, outcome);
  // Counted from before the upload began: WaveSpeed's 7 days may have started then.
  // A record that cannot be written costs a later upload, not this job.
  await saveUpload({ sha256, url: outcome.url, uploadedAt: startedAt }).catch((error: unknown) =>
    console.error("[uploads] could not record an upload", error),
  );
  await pruneUploads(startedAt - UPLOAD_KEPT_MS).catch(() => undefined);
  return outcome.url;
}
