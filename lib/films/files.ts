import "server-only";
import { deleteFilms, filmsOf } from "@/lib/db/queries/films";
import { filmKey, filmName, outputName } from "@/lib/storage/keys";
import { getStore } from "@/lib/storage/store";

export const filmVideoKey = (filmId: string) => filmKey(filmName(filmId))!;
export const filmPosterKey = (filmId: string) => `posters/${outputName("posters", filmId)}`;

/** A film's video, poster and poster thumbnail (made if someone asked for it); absent ones are fine. */
export async function removeFilmFiles(filmIds: string[]): Promise<void> {
  if (filmIds.length === 0) return;
  await (await getStore()).delete(filmIds.flatMap((id) => [filmVideoKey(id), filmPosterKey(id), `thumbs/${outputName("thumbs", id)}`]));
}

/**
 * A board's films with its deletion, files first (should the store fail, they stay listed to try again),
 * then their rows; then the files of renders that finished meanwhile (later ones drop their own).
 */
export async function removeBoardFilms(boardId: string): Promise<void> {
  const finished = (await filmsOf(boardId)).filter((f) => f.status === "done" || f.status === "failed");
  await removeFilmFiles(finished.map((f) => f.id));
  const before = new Set(finished.map((f) => f.id));
  await removeFilmFiles((await deleteFilms(boardId)).filter((f) => !before.has(f.id)).map((f) => f.id));
}
