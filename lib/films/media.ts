import "server-only";
import { currentUser } from "@/lib/auth/session";
import { getFilm } from "@/lib/db/queries/films";
import { isId } from "@/lib/jobs/ids";
import { IMMUTABLE, objectResponse } from "@/lib/storage/serve";
import { getStore } from "@/lib/storage/store";
import { filmPosterKey, filmVideoKey } from "./files";
import { sharedFilm } from "./films";
import { filmView } from "./view";

const answer = (status: number, text: string) => new Response(text, { status, headers: { "X-Content-Type-Options": "nosniff" } });

/** A finished film for members, by `<film id>.mp4`; with `?download` it is sent as an attachment under its board's name. */
export async function memberFilmResponse(request: Request, name: string): Promise<Response> {
  if (!(await currentUser(request.headers))) return answer(401, "Sign in to use Keyframe.");
  const id = name.replace(/\.mp4$/, "");
  const film = isId(id) && name.endsWith(".mp4") ? await getFilm(id) : undefined;
  if (film?.status !== "done") return answer(404, "Not found");
  const download = new URL(request.url).searchParams.has("download");
  const response = await objectResponse(request, await getStore(), filmVideoKey(film.id), {
    contentType: "video/mp4",
    cacheControl: IMMUTABLE,
    downloadName: download ? filmView(film, "", false).downloadName : undefined,
  });
  return response ?? answer(404, "Not found");
}

/** A shared film's video or poster; revalidated on every use, so revoking the link stops it at once. */
export async function sharedFilmResponse(request: Request, shareId: string, kind: "video" | "poster"): Promise<Response> {
  const film = await sharedFilm(shareId);
  if (film?.shareVisibility === "team" && !(await currentUser(request.headers))) return answer(401, "Sign in to watch this film.");
  if (!film || (kind === "poster" && !film.posterFile)) return answer(404, "Not found");
  const response = await objectResponse(request, await getStore(), kind === "video" ? filmVideoKey(film.id) : filmPosterKey(film.id), {
    contentType: kind === "video" ? "video/mp4" : "image/jpeg",
    cacheControl: film.shareVisibility === "team" ? "private, no-cache" : "public, no-cache",
  });
  return response ?? answer(404, "Not found");
}
