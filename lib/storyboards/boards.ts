import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import { revokeBoardLinks } from "@/lib/db/queries/reviews";
import {
  deleteStoryboard,
  getStoryboard,
  insertShot,
  insertStoryboard,
  listStoryboards,
  updateStoryboard,
} from "@/lib/db/queries/storyboards";
import { userNames } from "@/lib/db/queries/users";
import type { Job, Storyboard } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { removeBoardFilms } from "@/lib/films/files";
import { getJob } from "@/lib/db/queries/jobs";
import { isId, newId } from "@/lib/jobs/ids";
import { canManage } from "@/lib/jobs/types";
import type { StoryboardSummary } from "./types";

/** The board, or a 404 for an id that is malformed or unknown (the two are not told apart). */
export async function findBoard(id: string): Promise<Storyboard> {
  const board = isId(id) ? await getStoryboard(id) : undefined;
  if (!board) throw new AppError("not_found", "No storyboard with that id.");
  return board;
}

/**
 * A take that may be a shot: one that exists on this server (not deleted) and did not fail. A running take
 * is fine: "Continue from last frame" adds the next shot before its take has finished.
 */
export async function usableTake(jobId: string): Promise<Job> {
  const job = isId(jobId) ? await getJob(jobId) : undefined;
  if (!job)
    throw new AppError("not_found", "No such take here: it may have been deleted, or belong to another Keyframe.", {
      jobId: "No such take.",
    });
  if (job.status === "failed" || job.status === "unknown" || job.status === "cancelled") {
    throw new AppError("conflict", "That take did not finish, so it cannot be a shot.", { jobId: "That take did not finish." });
  }
  return job;
}

/** A new board, with one shot per take given; nothing is made unless every take may be a shot. */
export async function createBoard(input: { name: string; jobIds: string[] }, user: SessionUser): Promise<Storyboard> {
  const jobIds = [...new Set(input.jobIds)];
  for (const id of jobIds) await usableTake(id);
  const now = Date.now();
  const board: Storyboard = { id: newId(), name: input.name, userId: user.id, createdAt: now, updatedAt: now };
  await insertStoryboard(board);
  for (const jobId of jobIds) await insertShot(board.id, newId(), [jobId]);
  return board;
}

export async function renameBoard(id: string, name: string): Promise<void> {
  const board = await findBoard(id);
  if (!(await updateStoryboard(board.id, { name }))) throw new AppError("not_found", "No storyboard with that id.");
}

/** Its maker or an admin: the board, its shots and films go, and its review links stop working. */
export async function removeBoard(id: string, user: SessionUser): Promise<void> {
  const board = await findBoard(id);
  if (!canManage(user, board.userId)) throw new AppError("forbidden", "Only whoever made this storyboard, or an admin, can delete it.");
  await revokeBoardLinks(board.id);
  await removeBoardFilms(board.id);
  await deleteStoryboard(board.id);
}

export async function boardSummaries(): Promise<StoryboardSummary[]> {
  const [boards, names] = await Promise.all([listStoryboards(), userNames()]);
  return boards.map((b) => ({
    id: b.id,
    name: b.name,
    shots: b.shots,
    updatedAt: new Date(b.updatedAt).toISOString(),
    owner: b.userId ? (names.get(b.userId) ?? null) : null,
  }));
}
