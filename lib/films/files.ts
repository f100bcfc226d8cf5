import "server-only";
import { filmKey, filmName, outputName } from "@/lib/storage/keys";
import { getStore } from "@/lib/storage/store";

export const filmVideoKey = (filmId: string) => filmKey(filmName(filmId))!;
export const filmPosterKey = (filmId: string) => `posters/${outputName("posters", filmId)}`;

/** A film's video and poster; absent ones are fine. */
export async function removeFilmFiles(filmIds: string[]): Promise<void> {
  if (filmIds.length === 0) return;
  await (await getStore()).delete(filmIds.flatMap((id) => [filmVideoKey(id), filmPosterKey(id)]));
}
