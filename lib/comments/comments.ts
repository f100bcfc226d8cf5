import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import { commentsOn, getComment, insertComment, setResolved } from "@/lib/db/queries/comments";
import { getFilm } from "@/lib/db/queries/films";
import { getJob } from "@/lib/db/queries/jobs";
import type { ReviewComment } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/jobs/ids";
import type { CommentInput } from "@/lib/validations/comments";
import type { CommentList } from "./types";
import { commentView, memberDisplayName } from "./view";

/** A picture comments can sit on, with its length (a comment's time must fall inside it). */
export type Picture = { jobId: string | null; filmId: string | null; storyboardId: string | null; durationMs: number };

// A take's stored length is whole seconds; its file may run a frame or two longer.
const SLACK_MS = 500;

/** The take or film a member names, finished and saved: 404 otherwise. */
export async function memberPicture(target: { jobId?: string; filmId?: string }): Promise<Picture> {
  if (target.jobId) {
    const job = await getJob(target.jobId);
    if (!job || job.status !== "completed" || !job.videoFile) throw new AppError("not_found", "No finished take with that id.");
    return { jobId: job.id, filmId: null, storyboardId: null, durationMs: job.duration * 1000 };
  }
  const film = target.filmId ? await getFilm(target.filmId) : undefined;
  if (!film || film.status !== "done") throw new AppError("not_found", "No finished film with that id.");
  return { jobId: null, filmId: film.id, storyboardId: film.storyboardId, durationMs: film.durationMs ?? 0 };
}

/**
 * The row a comment becomes, once its time falls within the picture and a reply's thread is a thread on the
 * same picture (that `linkId`'s reader can see). Nothing is written here.
 */
export async function commentRow(
  input: CommentInput,
  picture: Picture,
  who: Pick<ReviewComment, "author" | "name" | "reviewerId" | "userId" | "linkId">,
): Promise<ReviewComment> {
  const limit = picture.durationMs + SLACK_MS;
  if (input.atMs !== undefined && input.atMs > limit) {
    const message = `The time is past the end of the picture (${(picture.durationMs / 1000).toFixed(1)} s).`;
    throw new AppError("validation_failed", message, { atMs: message });
  }
  if (input.endMs !== undefined && input.endMs > limit) {
    const message = "The end is past the end of the picture.";
    throw new AppError("validation_failed", message, { endMs: message });
  }
  if (input.parentId) {
    const parent = await getComment(input.parentId);
    const visible = parent && (!who.linkId || parent.author === "member" || parent.linkId === who.linkId);
    if (!parent || !visible || parent.parentId || parent.jobId !== picture.jobId || parent.filmId !== picture.filmId) {
      throw new AppError("not_found", "That thread is not on this picture.", { parentId: "That thread is not on this picture." });
    }
  }
  return {
    id: newId(),
    ...who,
    storyboardId: picture.storyboardId,
    jobId: picture.jobId,
    filmId: picture.filmId,
    parentId: input.parentId ?? null,
    body: input.body,
    atMs: input.parentId ? null : (input.atMs ?? 0),
    endMs: input.parentId ? null : (input.endMs ?? null),
    drawing: input.drawing?.length && !input.parentId ? input.drawing : null,
    resolvedAt: null,
    resolvedBy: null,
    createdAt: Date.now(),
  };
}

export async function memberComments(target: { jobId?: string; filmId?: string }, user: SessionUser): Promise<CommentList> {
  const picture = await memberPicture(target);
  const rows = await commentsOn({ jobIds: picture.jobId ? [picture.jobId] : [], filmIds: picture.filmId ? [picture.filmId] : [] });
  return { comments: rows.map((row) => commentView(row, { userId: user.id })) };
}

/** A member's comment or reply, under their name (never their email). */
export async function addMemberComment(input: CommentInput, user: SessionUser): Promise<CommentList> {
  const picture = await memberPicture(input);
  const who = { author: "member" as const, name: memberDisplayName(user.name), userId: user.id, reviewerId: null, linkId: null };
  await insertComment(await commentRow(input, picture, who));
  return memberComments(input, user);
}

/** A thread resolved by the team (or opened again). */
export async function resolveThread(id: string, resolved: boolean, user: SessionUser): Promise<CommentList> {
  const comment = await getComment(id);
  if (!comment) throw new AppError("not_found", "No comment with that id.");
  if (comment.parentId) throw new AppError("conflict", "Resolve the thread's first comment, not a reply.");
  await setResolved(id, resolved ? user.id : null);
  return memberComments({ jobId: comment.jobId ?? undefined, filmId: comment.filmId ?? undefined }, user);
}
