import type { Film } from "@/lib/db/schema";
import { filmDownloadName } from "@/lib/jobs/filename";
import type { FilmView } from "@/lib/storyboards/types";
import { filmDifference } from "./difference";

export const filmSharePath = (shareId: string) => `/f/${shareId}`;

/**
 * `canManage`: whether the viewer may change its link and delete it (`mayManageFilm`). `boardPicks`: the
 * board's picked takes now, in shot order, to say whether the film still matches them.
 */
export function filmView(film: Film, origin: string, canManage: boolean, boardPicks?: string[]): FilmView {
  const done = film.status === "done";
  return {
    id: film.id,
    status: film.status,
    progress: done ? 100 : Math.min(99, Math.floor(film.progress / 10)),
    error: film.error,
    createdAt: new Date(film.createdAt).toISOString(),
    finishedAt: film.finishedAt === null ? null : new Date(film.finishedAt).toISOString(),
    shots: film.jobIds.length,
    durationS: film.durationMs === null ? null : film.durationMs / 1000,
    width: film.width,
    height: film.height,
    src: done ? `/media/films/${film.id}.mp4` : null,
    poster: done && film.posterFile ? `/media/posters/${film.posterFile}` : null,
    downloadName: filmDownloadName(film.name),
    shareUrl: done && film.shareId ? `${origin}${filmSharePath(film.shareId)}` : null,
    outOfDate: boardPicks ? filmDifference(film.jobIds, boardPicks) : null,
    canManage,
  };
}
