import "server-only";
import { commentsOn, insertComment, linkCommentCount } from "@/lib/db/queries/comments";
import { filmsOf } from "@/lib/db/queries/films";
import { hit } from "@/lib/db/queries/rate-limits";
import type { ReviewLink } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { reviewAccess } from "@/lib/reviews/access";
import { shotsOf } from "@/lib/reviews/public";
import type { CommentInput } from "@/lib/validations/comments";
import { commentRow, type Picture } from "./comments";
import type { CommentList } from "./types";
import { commentView } from "./view";

// Per reviewer: a busy session of notes (one every 20 s on average); per link: a room of reviewers.
const PER_REVIEWER = { limit: 30, windowMs: 10 * 60_000 };
const PER_ADDRESS = { limit: 60, windowMs: 10 * 60_000 };
const PER_LINK = { limit: 400, windowMs: 60 * 60_000 };
const MAX_LINK_COMMENTS = 3000;

/**
 * The link a reviewer's comment request goes through, by the link's own check: 404 for a malformed, unknown,
 * revoked, off or expired link, 401 until its passphrase is given, and 403 to write with comments off.
 */
export async function commentLink(request: Request, token: string, action: "read" | "write"): Promise<ReviewLink> {
  return (await reviewAccess(request, token, action === "write" ? "comment" : "view")).link;
}

/** The pictures a reviewer may comment on through this link: the takes it shows, and its board's finished films. */
async function linkPictures(link: ReviewLink): Promise<Map<string, Picture>> {
  const takes = (await shotsOf(link)).flatMap((shot) => shot.takes);
  const storyboardId = link.storyboardId;
  const films = storyboardId ? (await filmsOf(storyboardId)).filter((f) => f.status === "done") : [];
  const pictures: Picture[] = [
    ...takes.map((job) => ({ jobId: job.id, filmId: null, storyboardId, durationMs: job.duration * 1000 })),
    ...films.map((film) => ({ jobId: null, filmId: film.id, storyboardId, durationMs: film.durationMs ?? 0 })),
  ];
  return new Map(pictures.map((p) => [(p.jobId ?? p.filmId)!, p]));
}

export async function reviewerComments(link: ReviewLink, reviewerId: string | null): Promise<CommentList> {
  const pictures = await linkPictures(link);
  const all = [...pictures.values()];
  const ids = (key: "jobId" | "filmId") => all.flatMap((p) => (p[key] ? [p[key]] : []));
  const rows = await commentsOn({ jobIds: ids("jobId"), filmIds: ids("filmId") }, link.id);
  return { comments: rows.map((row) => commentView(row, reviewerId ? { reviewerId } : null)) };
}

async function limitRate(link: ReviewLink, reviewerId: string, address: string): Promise<void> {
  for (const [key, { limit, windowMs }] of [
    [`comment:${link.id}:r:${reviewerId}`, PER_REVIEWER],
    [`comment:${link.id}:a:${address}`, PER_ADDRESS],
    [`comment:${link.id}`, PER_LINK],
  ] as const) {
    const { count, windowStart } = await hit(key, windowMs);
    if (count > limit) {
      const wait = Math.max(1, Math.ceil((windowStart + windowMs - Date.now()) / 1000));
      throw new AppError("rate_limited", `Too many comments from here; try again in ${wait} s.`, undefined, {
        "Retry-After": String(wait),
      });
    }
  }
}

/** A reviewer's comment or reply on one of the link's takes, under the name they typed. */
export async function addReviewerComment(
  link: ReviewLink,
  input: CommentInput & { reviewerId: string; name: string },
  address: string,
): Promise<CommentList> {
  const id = input.jobId ?? input.filmId;
  const picture = id ? (await linkPictures(link)).get(id) : undefined;
  if (!picture || (input.jobId ? picture.jobId : picture.filmId) !== id) {
    const field = input.jobId ? "jobId" : "filmId";
    const message = input.jobId ? "That take is not in this review." : "That film is not in this review.";
    throw new AppError("not_found", message, { [field]: message });
  }
  const who = { author: "reviewer" as const, name: input.name, reviewerId: input.reviewerId, userId: null, linkId: link.id };
  const row = await commentRow(input, picture, who);
  await limitRate(link, input.reviewerId, address);
  if ((await linkCommentCount(link.id)) >= MAX_LINK_COMMENTS) {
    throw new AppError("conflict", "This review link cannot take more comments; ask the team for a new one.");
  }
  await insertComment(row);
  return reviewerComments(link, input.reviewerId);
}
