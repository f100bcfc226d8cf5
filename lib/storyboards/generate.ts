import "server-only";
import { getJob } from "@/lib/db/queries/jobs";
import { boardShots, insertShot, insertTakes } from "@/lib/db/queries/storyboards";
import type { Job } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { probeImage } from "@/lib/images/probe";
import { createJobs, type Created, type SubmitOptions } from "@/lib/jobs/create";
import { newId } from "@/lib/jobs/ids";
import { readInput } from "@/lib/jobs/inputs";
import type { AspectChoice } from "@/lib/model/seedance";
import { outputKey } from "@/lib/storage/keys";
import { getStore } from "@/lib/storage/store";
import type { GenerateRequest } from "@/lib/validations/generate";
import { imageBytesProblem, type ImageInput } from "@/lib/validations/image-input";
import { MAX_SHOTS } from "@/lib/validations/limits";
import type { ShotTakeRequest } from "@/lib/validations/storyboard";
import { findBoard } from "./boards";

function fileInput(bytes: Buffer | null, name: string): ImageInput {
  const info = bytes ? probeImage(bytes) : null;
  const problem = bytes ? imageBytesProblem(bytes) : "it is no longer stored";
  if (!bytes || !info || problem) throw new AppError("conflict", `The shot's image cannot be used: ${problem ?? "not an image"}.`);
  return { kind: "file", bytes: new Uint8Array(bytes), type: info.type, width: info.width, height: info.height, name };
}

async function storedImage(file: string | null, url: string | null, name: string): Promise<ImageInput | null> {
  if (file) return fileInput(await readInput(file), name);
  return url ? { kind: "url", url } : null;
}

/** The start (and end) image of the next take: the picked take's last frame, or its own images for another take of it. */
async function imagesFor(picked: Job, mode: "continue" | "retake"): Promise<Pick<GenerateRequest, "image" | "lastImage">> {
  if (mode === "retake") {
    const image = await storedImage(picked.imageFile, picked.imageUrl, "start.png");
    if (!image) throw new AppError("conflict", "The picked take has no start image to use again.");
    return { image, lastImage: (await storedImage(picked.lastImageFile, picked.lastImageUrl, "end.png")) ?? undefined };
  }
  const key = picked.status === "completed" && picked.lastFrameFile ? outputKey("frames", picked.lastFrameFile) : null;
  if (!key) {
    throw new AppError("conflict", "The picked take's last frame is not ready yet: continue once it has finished and been saved.");
  }
  return { image: fileInput(await (await getStore()).bytes(key), "last-frame.png"), lastImage: undefined };
}

/**
 * Generates from a shot: `continue` makes the next shot, starting from the last frame of this shot's picked
 * take; `retake` makes more takes of this shot from the same images. Aspect ratio and safety checker follow
 * the picked take; the rest comes from `input`, checked like the form. Charged like any Generate.
 */
export async function generateForShot(
  boardId: string,
  shotId: string,
  mode: "continue" | "retake",
  input: ShotTakeRequest,
  options: SubmitOptions,
): Promise<Created & { shotId: string }> {
  const board = await findBoard(boardId);
  const shots = await boardShots(board.id);
  const shot = shots.find((s) => s.id === shotId);
  if (!shot) throw new AppError("not_found", "This storyboard has no such shot (it may have been removed).");
  if (mode === "continue" && shots.length >= MAX_SHOTS) throw new AppError("conflict", `A storyboard holds at most ${MAX_SHOTS} shots.`);
  const picked = shot.pickedJobId ? await getJob(shot.pickedJobId) : undefined;
  if (!picked) throw new AppError("conflict", "This shot has no picked take to start from.");
  const request: GenerateRequest = {
    ...input,
    ...(await imagesFor(picked, mode)),
    aspectRatio: (picked.aspectRatio ?? "auto") as AspectChoice,
    enableSafetyChecker: picked.safetyChecker,
    // The shot's takes are made with the picked take's model, at its resolution and with its sound.
    model: picked.model,
    resolution: (picked.resolution ?? undefined) as GenerateRequest["resolution"],
    generateAudio: picked.generateAudio ?? undefined,
  };
  const created = await createJobs(request, options);
  const ids = created.jobs.map((j) => j.id);
  // A replayed request already placed its takes the first time.
  if (created.replayed) return { ...created, shotId: mode === "retake" ? shot.id : "" };
  if (mode === "retake") {
    // Removed meanwhile: the takes stay in the gallery, on no shot.
    return { ...created, shotId: (await insertTakes(board.id, shot.id, ids)) ? shot.id : "" };
  }
  const next = newId();
  await insertShot(board.id, next, ids, shot.id);
  return { ...created, shotId: next };
}
