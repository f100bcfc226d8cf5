import type { CommentView } from "@/lib/comments/types";

/**
 * Where a player reads and writes its picture's comments: a member's API, or a reviewer's through their link
 * (who then sends their id and typed name with each comment). `canResolve`: the team only.
 */
export type CommentSource = {
  listUrl: string | null;
  postUrl: string;
  target: { jobId: string } | { filmId: string };
  extra: Record<string, string>;
  canResolve: boolean;
  /** False on a review link whose comment switch is off: the comments show, the composer and replies do not. */
  canWrite?: boolean;
  /** For a reviewer with no name typed yet: what to say instead of sending. */
  missing?: string;
  /** A line under the composer saying who else will read the comment. */
  audience?: string;
};

export const memberSource = (target: { jobId: string } | { filmId: string }): CommentSource => ({
  listUrl: `/api/comments?${new URLSearchParams(target)}`,
  postUrl: "/api/comments",
  target,
  extra: {},
  canResolve: true,
  audience: "Reviewers on this picture's review links see the team's comments; a reply to a reviewer shows only on that reviewer's link.",
});

export const reviewerSource = (
  token: string,
  target: { jobId: string } | { filmId: string },
  reviewer: { id: string | null; name: string },
  canWrite = true,
): CommentSource => ({
  canWrite,
  listUrl: reviewer.id ? `/api/review/${token}/comments?reviewer=${reviewer.id}` : null,
  postUrl: `/api/review/${token}/comments`,
  target,
  extra: reviewer.id ? { reviewerId: reviewer.id, name: reviewer.name } : {},
  canResolve: false,
  missing: reviewer.name.trim() ? undefined : "Type your name at the top of the page first: the team sees it beside your comment.",
});

/** The comments on this source's picture (a reviewer's list holds all the link's takes). */
export function onPicture(comments: CommentView[], target: CommentSource["target"]): CommentView[] {
  return comments.filter((c) => ("jobId" in target ? c.jobId === target.jobId : c.filmId === target.filmId));
}
