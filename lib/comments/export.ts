import "server-only";
import { commentsOn } from "@/lib/db/queries/comments";
import { filmsOf } from "@/lib/db/queries/films";
import { getJobs } from "@/lib/db/queries/jobs";
import type { Film, ReviewComment } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { filmDownloadName } from "@/lib/jobs/filename";
import { findBoard } from "@/lib/storyboards/boards";
import { frameOf, markersCsv, markersEdl, markersFcpxml, type Marker } from "./markers";
import { PLAYER_FPS } from "./time";

/** Where each shot starts in the film (ms): from the lengths probed at render, else the takes' stored lengths. */
export async function shotStarts(film: Film): Promise<number[]> {
  const lengths = film.shotMs?.length === film.jobIds.length ? film.shotMs : await storedLengths(film.jobIds);
  return lengths.reduce<number[]>((starts, _, i) => [...starts, i === 0 ? 0 : starts[i - 1]! + lengths[i - 1]!], []);
}

async function storedLengths(ids: string[]): Promise<number[]> {
  const jobs = new Map((await getJobs(ids)).map((j) => [j.id, j.duration * 1000]));
  return ids.map((id) => jobs.get(id) ?? 0);
}

/**
 * Each comment placed on the film: a film's own comment at its time; a take's at the film time where that take
 * is a shot's pick (once per shot that uses it; a take the film does not use is left out). Replies follow their
 * thread's time.
 */
export function placeComments(film: Film, starts: number[], lengths: number[], rows: ReviewComment[]): Marker[] {
  const threads = new Map(rows.filter((r) => !r.parentId).map((r) => [r.id, r]));
  const out: Marker[] = [];
  for (const row of rows) {
    const thread = row.parentId ? threads.get(row.parentId) : row;
    if (!thread) continue;
    const at = thread.atMs ?? 0;
    const places =
      thread.filmId === film.id
        ? [{ shot: null, base: 0, max: film.durationMs ?? Infinity }]
        : film.jobIds.flatMap((id, i) => (id === thread.jobId ? [{ shot: i + 1, base: starts[i]!, max: lengths[i]! }] : []));
    for (const place of places) {
      // Not past the place's last frame: a note in a take's tail (beyond the length the film kept, or rounding
      // up to the next frame) stays on its own shot, never on the next shot's first frame.
      const lastFrame = Math.max(frameOf(place.base), frameOf(place.base + place.max) - 1);
      const clamp = (ms: number) => Math.min(place.base + Math.min(ms, place.max), Math.floor((lastFrame * 1000) / PLAYER_FPS));
      out.push({
        id: row.id,
        threadId: thread.id,
        isReply: row.parentId !== null,
        shot: place.shot,
        on: thread.filmId ? "film" : "take",
        pictureMs: at,
        filmMs: clamp(at),
        filmEndMs: thread.endMs === null ? null : clamp(thread.endMs),
        author: row.author,
        name: row.name,
        body: row.body,
        resolved: thread.resolvedAt !== null,
        shapes: thread.drawing?.length ?? 0,
        createdAt: new Date(row.createdAt).toISOString(),
      });
    }
  }
  return out.sort((a, b) => a.filmMs - b.filmMs || Number(a.isReply) - Number(b.isReply) || a.createdAt.localeCompare(b.createdAt));
}

export type MarkerFile = { body: string; type: string; name: string };

/** The board's comments timed to its latest finished film, as CSV, an EDL or FCPXML. */
export async function boardMarkers(boardId: string, format: "csv" | "edl" | "fcpxml"): Promise<MarkerFile> {
  const board = await findBoard(boardId);
  const film = (await filmsOf(board.id)).find((f) => f.status === "done");
  if (!film) throw new AppError("conflict", "Export the film first: the markers are timed to the board's latest finished film.");
  const starts = await shotStarts(film);
  const lengths = film.shotMs?.length === film.jobIds.length ? film.shotMs : await storedLengths(film.jobIds);
  const rows = await commentsOn({ jobIds: [...new Set(film.jobIds)], filmIds: [film.id] });
  const markers = placeComments(film, starts, lengths, rows);
  const base = filmDownloadName(film.name).replace(/\.mp4$/i, "");
  if (format === "csv") return { body: markersCsv(markers), type: "text/csv; charset=utf-8", name: `${base}-comments.csv` };
  if (format === "edl") return { body: markersEdl(film.name, markers), type: "text/plain; charset=utf-8", name: `${base}-markers.edl` };
  const info = {
    title: film.name,
    fileName: filmDownloadName(film.name),
    durationMs: film.durationMs ?? 0,
    width: film.width ?? 1280,
    height: film.height ?? 720,
  };
  return { body: markersFcpxml(info, markers), type: "application/xml; charset=utf-8", name: `${base}-markers.fcpxml` };
}
