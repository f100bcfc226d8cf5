import "server-only";
import { getJobs } from "@/lib/db/queries/jobs";
import { liveReviewLink } from "@/lib/db/queries/reviews";
import { boardShots, getStoryboard } from "@/lib/db/queries/storyboards";
import type { Job, ReviewLink } from "@/lib/db/schema";
import { isId } from "@/lib/jobs/ids";
import { outputKey } from "@/lib/storage/keys";
import { objectResponse } from "@/lib/storage/serve";
import { getStore } from "@/lib/storage/store";
import { pickedTakes } from "@/lib/storyboards/picks";
import { TAKES_SHOT } from "@/lib/validations/review";
import { reviewMediaPath } from "./paths";
import type { ReviewView } from "./types";

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

export async function reviewView(link: ReviewLink): Promise<ReviewView> {
  const board = link.storyboardId ? await getStoryboard(link.storyboardId) : undefined;
  const shots = await shotsOf(link);
  const count = shots[0]?.takes.length ?? 0;
  return {
    token: link.id,
    kind: board ? "storyboard" : "takes",
    title: board?.name ?? `${count} take${count === 1 ? "" : "s"} to review`,
    shots: shots.map((shot) => ({
      key: shot.key,
      teamPick: shot.teamPick,
      takes: shot.takes.map((job) => ({
        id: job.id,
        prompt: job.prompt,
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

/** A take's video or poster, for anyone with a live link that shows it; revoking the link stops it at once. */
export async function reviewMediaResponse(request: Request, token: string, jobId: string, kind: "videos" | "posters"): Promise<Response> {
  const link = await reviewLink(token);
  const job = link ? (await shotsOf(link)).flatMap((s) => s.takes).find((t) => t.id === jobId) : undefined;
  const name = kind === "videos" ? job?.videoFile : job?.posterFile;
  const key = name ? outputKey(kind, name) : null;
  if (!key) return NOT_FOUND();
  const type = kind === "videos" ? "video/mp4" : "image/jpeg";
  return (await objectResponse(request, await getStore(), key, { contentType: type, cacheControl: "private, no-cache" })) ?? NOT_FOUND();
}
