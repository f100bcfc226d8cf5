import "server-only";
import { modelLabel } from "@/lib/catalog";
import { filmsOf, getFilm } from "@/lib/db/queries/films";
import { getJobs } from "@/lib/db/queries/jobs";
import { liveReviewLink } from "@/lib/db/queries/reviews";
import { boardShots, getStoryboard } from "@/lib/db/queries/storyboards";
import type { Film, Job, ReviewLink } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { filmPosterKey, filmVideoKey } from "@/lib/films/files";
import { isId } from "@/lib/jobs/ids";
import { outputKey } from "@/lib/storage/keys";
import { objectResponse } from "@/lib/storage/serve";
import { getStore } from "@/lib/storage/store";
import { pickedTakes } from "@/lib/storyboards/picks";
import { TAKES_SHOT } from "@/lib/validations/review";
import { reviewAccess } from "./access";
import { reviewFilmPath, reviewMediaPath } from "./paths";
import type { ReviewFilm, ReviewRights, ReviewView } from "./types";
import { boardVersions, latestFilm } from "./versions";

/** The live link of a token, or null for one that is malformed, unknown or revoked (callers answer 404 alike). */
export async function reviewLink(token: string): Promise<ReviewLink | null> {
  return (isId(token) && (await liveReviewLink(token))) || null;
}

const saved = (job: Job | undefined): job is Job => job?.status === "completed" && job.copyStatus === "done" && job.videoFile !== null;

/** The shots a link shows, in order, each with its saved takes and the team's current pick. */
export async function shotsOf(link: ReviewLink): Promise<{ key: string; takes: Job[]; teamPick: string | null }[]> {
  if (!link.storyboardId) {
    const jobs = new Map((await getJobs(link.jobIds ?? [])).map((j) => [j.id, j]));
    const takes = (link.jobIds ?? []).map((id) => jobs.get(id)).filter(saved);
    return takes.length ? [{ key: TAKES_SHOT, takes, teamPick: null }] : [];
  }
  const shots = await boardShots(link.storyboardId);
  const all = await getJobs([...new Set(shots.flatMap((s) => s.jobIds))]);
  const jobs = new Map(all.map((j) => [j.id, j]));
  return shots
    .map((shot) => ({
      key: shot.id,
      takes: shot.jobIds.map((id) => jobs.get(id)).filter(saved),
      teamPick: pickedTakes([shot], all)[0]?.id ?? null,
    }))
    .filter((shot) => shot.takes.length > 0);
}

const filmOf = (token: string, film: Film): ReviewFilm => ({
  id: film.id,
  video: reviewFilmPath(token, film.id, "video.mp4"),
  poster: film.posterFile ? reviewFilmPath(token, film.id, "poster.jpg") : null,
  durationS: film.durationMs === null ? null : film.durationMs / 1000,
});

export async function reviewView(link: ReviewLink, rights: ReviewRights): Promise<ReviewView> {
  const board = link.storyboardId ? await getStoryboard(link.storyboardId) : undefined;
  const shots = await shotsOf(link);
  const count = shots[0]?.takes.length ?? 0;
  const film = board ? await latestFilm(board.id) : null;
  const picks = Object.fromEntries(shots.flatMap((s) => (s.teamPick ? [[s.key, s.teamPick]] : [])));
  const versions = await boardVersions(link, picks, film);
  const films = new Map(board ? (await filmsOf(board.id)).filter((f) => f.status === "done").map((f) => [f.id, f]) : []);
  return {
    token: link.id,
    kind: board ? "storyboard" : "takes",
    title: board?.name ?? `${count} take${count === 1 ? "" : "s"} to review`,
    rights,
    film: film ? filmOf(link.id, film) : null,
    versions: versions.map((v) => {
      const f = v.filmId ? films.get(v.filmId) : undefined;
      return { number: v.number, at: new Date(v.createdAt).toISOString(), picks: v.picks, film: f ? filmOf(link.id, f) : null };
    }),
    shots: shots.map((shot) => ({
      key: shot.key,
      teamPick: shot.teamPick,
      takes: shot.takes.map((job) => ({
        id: job.id,
        prompt: job.prompt,
        model: modelLabel(job.model, job.resolution),
        duration: job.duration,
        width: job.videoWidth,
        height: job.videoHeight,
        video: reviewMediaPath(link.id, job.id, "video.mp4"),
        poster: job.posterFile ? reviewMediaPath(link.id, job.id, "poster.jpg") : null,
      })),
    })),
  };
}

const NOT_FOUND = () => new Response("Not found", { status: 404, headers: { "X-Content-Type-Options": "nosniff" } });
const refused = (error: unknown) =>
  error instanceof AppError
    ? new Response(error.message, { status: error.status, headers: { "X-Content-Type-Options": "nosniff" } })
    : NOT_FOUND();

/** Whether a media request asks to download (`?download`), and the link lets it; a refused download answers 403. */
async function mediaAccess(request: Request, token: string) {
  const download = new URL(request.url).searchParams.has("download");
  return { download, access: await reviewAccess(request, token, download ? "download" : "view") };
}

/** A take's video or poster, for anyone with a live link that shows it; revoking the link stops it at once. */
export async function reviewMediaResponse(request: Request, token: string, jobId: string, kind: "videos" | "posters"): Promise<Response> {
  try {
    const { download, access } = await mediaAccess(request, token);
    const job = (await shotsOf(access.link)).flatMap((s) => s.takes).find((t) => t.id === jobId);
    const name = kind === "videos" ? job?.videoFile : job?.posterFile;
    const key = name ? outputKey(kind, name) : null;
    if (!key) return NOT_FOUND();
    const type = kind === "videos" ? "video/mp4" : "image/jpeg";
    const downloadName = download && kind === "videos" ? `take-${jobId}.mp4` : undefined;
    return (
      (await objectResponse(request, await getStore(), key, { contentType: type, cacheControl: "private, no-cache", downloadName })) ??
      NOT_FOUND()
    );
  } catch (error) {
    return refused(error);
  }
}

/** A finished film of the link's board (any version), as the takes are served. */
export async function reviewFilmResponse(request: Request, token: string, filmId: string, kind: "video" | "poster"): Promise<Response> {
  try {
    const { download, access } = await mediaAccess(request, token);
    const film = isId(filmId) && access.link.storyboardId ? await getFilm(filmId) : undefined;
    if (!film || film.status !== "done" || film.storyboardId !== access.link.storyboardId) return NOT_FOUND();
    if (kind === "poster" && !film.posterFile) return NOT_FOUND();
    const response = await objectResponse(request, await getStore(), kind === "video" ? filmVideoKey(film.id) : filmPosterKey(film.id), {
      contentType: kind === "video" ? "video/mp4" : "image/jpeg",
      cacheControl: "private, no-cache",
      downloadName: download && kind === "video" ? `film-${film.id}.mp4` : undefined,
    });
    return response ?? NOT_FOUND();
  } catch (error) {
    return refused(error);
  }
}
