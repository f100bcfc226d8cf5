import "server-only";
import { getJobs } from "@/lib/db/queries/jobs";
import { feedbackCount, feedbackOfLink, liveReviewLink, saveFeedback } from "@/lib/db/queries/reviews";
import { hit } from "@/lib/db/queries/rate-limits";
import { boardShots, getStoryboard } from "@/lib/db/queries/storyboards";
import type { Job, ReviewLink } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { isId } from "@/lib/jobs/ids";
import { outputKey } from "@/lib/storage/keys";
import { objectResponse } from "@/lib/storage/serve";
import { getStore } from "@/lib/storage/store";
import { pickedTakes } from "@/lib/storyboards/picks";
import { TAKES_SHOT } from "@/lib/validations/review";
import { reviewMediaPath } from "./paths";
import type { MyFeedback, ReviewView } from "./types";

const PER_ADDRESS = { limit: 30, windowMs: 60_000 };
const PER_LINK = { limit: 600, windowMs: 60 * 60_000 };
const MAX_FEEDBACK = 2000;

/** The live link of a token, or null for one that is malformed, unknown or revoked (callers answer 404 alike). */
export async function reviewLink(token: string): Promise<ReviewLink | null> {
  return (isId(token) && (await liveReviewLink(token))) || null;
}

const saved = (job: Job | undefined): job is Job => job?.status === "completed" && job.copyStatus === "done" && job.videoFile !== null;

/** The shots a link shows, in order, each with its saved takes and the team's current pick. */
async function shotsOf(link: ReviewLink): Promise<{ key: string; takes: Job[]; teamPick: string | null }[]> {
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

export async function myFeedback(link: ReviewLink, reviewerId: string): Promise<MyFeedback> {
  const mine: MyFeedback = {};
  for (const f of await feedbackOfLink(link.id)) {
    if (f.reviewerId === reviewerId) mine[f.shotKey] = { pick: f.pickedJobId, comment: f.comment ?? "", name: f.name };
  }
  return mine;
}

type Feedback = { reviewerId: string; name: string; shotKey: string; pick: string | null; comment: string };

/** A reviewer's pick and comment on one shot, replacing their earlier word; rate-limited per address and per link. */
export async function submitFeedback(link: ReviewLink, input: Feedback, address: string): Promise<void> {
  for (const [key, { limit, windowMs }] of [
    [`review:${link.id}:${address}`, PER_ADDRESS],
    [`review:${link.id}`, PER_LINK],
  ] as const) {
    const { count, windowStart } = await hit(key, windowMs);
    if (count > limit) {
      const wait = Math.max(1, Math.ceil((windowStart + windowMs - Date.now()) / 1000));
      throw new AppError("rate_limited", `Too many reviews from here; try again in ${wait} s.`, undefined, { "Retry-After": String(wait) });
    }
  }
  const shot = (await shotsOf(link)).find((s) => s.key === input.shotKey);
  if (!shot) throw new AppError("not_found", "This shot is no longer in the review (the team may have removed it).");
  if (input.pick && !shot.takes.some((t) => t.id === input.pick)) {
    throw new AppError("validation_failed", "That take is not one of this shot's.", { pick: "Not one of this shot's takes." });
  }
  if ((await feedbackCount(link.id)) >= MAX_FEEDBACK) {
    throw new AppError("conflict", "This review link cannot take more feedback; ask the team for a new one.");
  }
  await saveFeedback({
    linkId: link.id,
    reviewerId: input.reviewerId,
    shotKey: shot.key,
    name: input.name,
    pickedJobId: input.pick,
    comment: input.comment || null,
    updatedAt: Date.now(),
  });
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
