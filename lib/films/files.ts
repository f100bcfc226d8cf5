import "server-only";
import { filmKey, filmName, outputName } from "@/lib/storage/keys";
import { getStore } from "@/lib/storage/store";

export const filmVideoKey = (filmId: string) => filmKey(filmName(filmId))!;
export const filmPosterKey = (filmId: string) => `posters/${outputName("posters", filmId)}`;

/** A film's video, poster and poster thumbnail (made if someone asked for it); absent ones are fine. */
export async function removeFilmFiles(filmIds: string[]): Promise<void> {
  if (filmIds.length === 0) return;
  await (await getStore()).delete(filmIds.flatMap((id) => [filmVideoKey(id), filmPosterKey(id), `thumbs/${outputName("thumbs", id)}`]));
}
