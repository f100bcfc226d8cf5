import "server-only";
import { filmsOf } from "@/lib/db/queries/films";
import { addVersion, latestVersion, versionsOf } from "@/lib/db/queries/review-versions";
import type { Film, ReviewLink, ReviewVersion } from "@/lib/db/schema";

/** How many versions a link lists (the newest ones). */
export const MAX_VERSIONS = 30;

const same = (a: ReviewVersion, picks: Record<string, string>, filmId: string | null) =>
  a.filmId === filmId && JSON.stringify(Object.entries(a.picks).sort()) === JSON.stringify(Object.entries(picks).sort());

/** The board's newest finished film, or null. */
export async function latestFilm(boardId: string): Promise<Film | null> {
  return (await filmsOf(boardId)).find((f) => f.status === "done") ?? null;
}

/**
 * The versions of what a board's links show, oldest first, the last being now: a new one is numbered the first
 * time a link is looked at after the team picked another take, changed the shots or exported the film again.
 * Two instances making the same number at once end with one row (its primary key), both reading it back.
 */
export async function boardVersions(link: ReviewLink, picks: Record<string, string>, film: Film | null): Promise<ReviewVersion[]> {
  if (!link.storyboardId) return [];
  const key = link.storyboardId;
  const filmId = film?.id ?? null;
  const last = await latestVersion(key);
  if (!last || !same(last, picks, filmId)) {
    await addVersion({ subjectKey: key, number: (last?.number ?? 0) + 1, picks, filmId, createdAt: Date.now() });
  }
  return (await versionsOf(key)).slice(-MAX_VERSIONS);
}
