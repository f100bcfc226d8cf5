import "server-only";
import { commentsOn, insertComment, linkCommentCount } from "@/lib/db/queries/comments";
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

/** The takes a reviewer may comment on through this link: the ones it shows. */
async function linkPictures(link: ReviewLink): Promise<Map<string, Picture>> {
  const takes = (await shotsOf(link)).flatMap((shot) => shot.takes);
  const storyboardId = link.storyboardId;
  return new Map(takes.map((job) => [job.id, { jobId: job.id, filmId: null, storyboardId, durationMs: job.duration * 1000 }]));
}

export async function reviewerComments(link: ReviewLink, reviewerId: string | null): Promise<CommentList> {
  const pictures = await linkPictures(link);
  const rows = await commentsOn({ jobIds: [...pictures.keys()] }, link.id);
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
  const picture = input.jobId ? (await linkPictures(link)).get(input.jobId) : undefined;
  if (!picture) throw new AppError("not_found", "That take is not in this review.", { jobId: "That take is not in this review." });
  const who = { author: "reviewer" as const, name: input.name, reviewerId: input.reviewerId, userId: null, linkId: link.id };
  const row = await commentRow(input, picture, who);
  await limitRate(link, input.reviewerId, address);
  if ((await linkCommentCount(link.id)) >= MAX_LINK_COMMENTS) {
    throw new AppError("conflict", "This review link cannot take more comments; ask the team for a new one.");
  }
  await insertComment(row);
  return reviewerComments(link, input.reviewerId);
}
