import type { CommentAuthor, DrawingShape } from "@/lib/db/enums";

/**
 * A comment as the player shows it, to reviewers and members alike: a display name only (never an email, an
 * account id or another reviewer's id). `mine`: written by whoever asked (that reviewer, or that member).
 */
export type CommentView = {
  id: string;
  parentId: string | null;
  jobId: string | null;
  filmId: string | null;
  author: CommentAuthor;
  name: string;
  body: string;
  atMs: number | null;
  endMs: number | null;
  drawing: DrawingShape[] | null;
  resolved: boolean;
  createdAt: string;
  mine: boolean;
};

export type CommentList = { comments: CommentView[] };
