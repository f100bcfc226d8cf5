import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import { deleteFilm, filmsOf, getFilm, getFilmByShareId, insertFilm, updateFilm } from "@/lib/db/queries/films";
import { getJobs } from "@/lib/db/queries/jobs";
import { boardShots, getStoryboard } from "@/lib/db/queries/storyboards";
import type { Film } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { isId, newId } from "@/lib/jobs/ids";
import { isShareId } from "@/lib/jobs/share";
import { hasFfmpeg } from "@/lib/media/ffmpeg";
import { findBoard } from "@/lib/storyboards/boards";
import { pickedTakes } from "@/lib/storyboards/picks";
import { getTeamSettings } from "@/lib/team/settings";
import { mayManageFilm } from "./access";
import { kickFilmExporter } from "./exporter";
import { removeFilmFiles } from "./files";

/**
 * Queues the board's picked takes, in shot order, to be rendered into one MP4. Refused (and nothing queued)
 * for a board with no shots or one whose picked take is not finished and saved yet. While an export of the
 * board is queued or rendering, that one is answered instead of a second.
 */
export async function requestExport(boardId: string, user: SessionUser): Promise<Film> {
  if (!hasFfmpeg()) throw new AppError("unavailable", "Exporting a film needs ffmpeg on the server; install it and restart Keyframe.");
  const board = await findBoard(boardId);
  const shots = await boardShots(board.id);
  const takes = pickedTakes(shots, await getJobs([...new Set(shots.flatMap((s) => s.jobIds))]));
  if (takes.length === 0) throw new AppError("conflict", "This storyboard has no shots yet: add a take before exporting.");
  takes.forEach((job, i) => {
    if (job.status !== "completed" || job.copyStatus !== "done" || !job.videoFile) {
      throw new AppError("conflict", `Shot ${i + 1}'s picked take is not finished and saved yet; export once it is, or pick another take.`);
    }
  });
  const inFlight = (await filmsOf(board.id, 3)).find((f) => f.status === "queued" || f.status === "rendering");
  if (inFlight) return inFlight;
  const now = Date.now();
  const film = await insertFilm({
    id: newId(),
    storyboardId: board.id,
    userId: user.id,
    name: board.name,
    jobIds: takes.map((j) => j.id),
    status: "queued",
    shareId: newId(),
    shareVisibility: (await getTeamSettings()).defaultShareVisibility,
    createdAt: now,
    updatedAt: now,
  });
  kickFilmExporter();
  return film;
}

export async function findFilm(id: string): Promise<Film> {
  const film = isId(id) ? await getFilm(id) : undefined;
  if (!film) throw new AppError("not_found", "No film with that id.");
  return film;
}

/** The film, if this member may change its link or delete it (`doing` says which, in the refusal). */
async function managedFilm(id: string, user: SessionUser, doing: string): Promise<Film> {
  const film = await findFilm(id);
  const board = await getStoryboard(film.storyboardId);
  if (!mayManageFilm(user, film, board?.userId ?? null)) {
    throw new AppError("forbidden", `Only whoever exported this film, whoever made its storyboard, or an admin can ${doing}.`);
  }
  return film;
}

/** A new share link (the old one stops working), or none: see `mayManageFilm` for who may. */
export async function setFilmShare(id: string, user: SessionUser, on: boolean): Promise<Film> {
  const film = await managedFilm(id, user, "change its link");
  if (film.status !== "done") throw new AppError("conflict", "Only a finished film can be shared.");
  const shareId = on ? newId() : null;
  await updateFilm(film.id, { shareId });
  return { ...film, shareId };
}

/**
 * The film, its link and its files go (see `mayManageFilm` for who may). A film still queued or rendering
 * is cancelled (its renderer stops on its next heartbeat and keeps no file).
 */
export async function removeFilm(id: string, user: SessionUser): Promise<void> {
  const film = await managedFilm(id, user, "delete it");
  // The files first: should the store fail, the film is still listed, to be deleted again.
  await removeFilmFiles([film.id]);
  const gone = await deleteFilm(film.id);
  if (!gone) throw new AppError("not_found", "No film with that id.");
  // A render that finished between the two stored its files after they were removed; one finishing later
  // finds its row gone and drops them itself.
  if (film.status !== "done" && film.status !== "failed") await removeFilmFiles([gone.id]);
}

/** The finished film a link shows, or null (malformed, unknown or revoked: callers answer 404 alike). */
export async function sharedFilm(shareId: string): Promise<Film | null> {
  if (!isShareId(shareId)) return null;
  const film = await getFilmByShareId(shareId);
  return film?.status === "done" ? film : null;
}
