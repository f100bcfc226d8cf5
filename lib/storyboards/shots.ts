import "server-only";
import { boardShots, deleteShot, insertShot, insertTakes, pickTake, reorderShots } from "@/lib/db/queries/storyboards";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/jobs/ids";
import { MAX_SHOTS } from "@/lib/validations/limits";
import { findBoard, usableTake } from "./boards";

const NO_SHOT = () => new AppError("not_found", "This storyboard has no such shot (it may have been removed).");

/** A take as a new shot (at the end, or after `afterShotId`), or as another take of shot `shotId`. */
export async function addTake(boardId: string, input: { jobId: string; shotId?: string; afterShotId?: string }): Promise<void> {
  const board = await findBoard(boardId);
  await usableTake(input.jobId);
  if (input.shotId) {
    if (!(await insertTakes(board.id, input.shotId, [input.jobId]))) throw NO_SHOT();
    return;
  }
  const shots = await boardShots(board.id);
  if (input.afterShotId && !shots.some((s) => s.id === input.afterShotId)) throw NO_SHOT();
  if (shots.length >= MAX_SHOTS) throw new AppError("conflict", `A storyboard holds at most ${MAX_SHOTS} shots.`);
  await insertShot(board.id, newId(), [input.jobId], input.afterShotId);
}

export async function pick(boardId: string, shotId: string, jobId: string): Promise<void> {
  const board = await findBoard(boardId);
  if (!(await pickTake(board.id, shotId, jobId))) {
    throw new AppError("not_found", "That take is not one of this shot's takes.", { jobId: "Not a take of this shot." });
  }
}

/** The shots in a new order: the list must name each shot of the board exactly once. */
export async function reorder(boardId: string, shotIds: string[]): Promise<void> {
  const board = await findBoard(boardId);
  if (!(await reorderShots(board.id, shotIds))) {
    throw new AppError("conflict", "The storyboard changed meanwhile (a shot was added or removed); reload and try again.");
  }
}

export async function removeShot(boardId: string, shotId: string): Promise<void> {
  const board = await findBoard(boardId);
  if (!(await deleteShot(board.id, shotId))) throw NO_SHOT();
}
