import "server-only";
import { createHash } from "node:crypto";
import { boardMarks } from "@/lib/db/queries/board-marks";
import { reviewMarks } from "@/lib/db/queries/review-controls";
import { filmsOf } from "@/lib/db/queries/films";
import { getJobs } from "@/lib/db/queries/jobs";
import { feedbackOnShots, reviewLinksOf } from "@/lib/db/queries/reviews";
import { boardShots } from "@/lib/db/queries/storyboards";
import { userNames } from "@/lib/db/queries/users";
import { AppError } from "@/lib/errors";
import { mayManageFilm } from "@/lib/films/access";
import { filmView } from "@/lib/films/view";
import { isId } from "@/lib/jobs/ids";
import { marksFor } from "@/lib/jobs/marks";
import { canManage, type Viewer } from "@/lib/jobs/types";
import { toJobView } from "@/lib/jobs/view";
import { boardReview } from "@/lib/reviews/board";
import { reviewPath } from "@/lib/reviews/paths";
import { FILM_SHOT } from "@/lib/validations/review-controls";
import { findBoard } from "./boards";
import { pickedTakes } from "./picks";
import type { StoryboardView } from "./types";

/** A board as the team sees it: shots in order with their takes, reviewers' feedback, films and review links. */
export async function boardView(id: string, origin: string, viewer: Viewer): Promise<StoryboardView> {
  const board = await findBoard(id);
  const [shots, films, links, names] = await Promise.all([boardShots(board.id), filmsOf(board.id), reviewLinksOf(board.id), userNames()]);
  const jobIds = [...new Set(shots.flatMap((s) => s.jobIds))];
  const [jobs, marks, feedback] = await Promise.all([
    getJobs(jobIds),
    marksFor(jobIds, viewer.id, names),
    feedbackOnShots(shots.map((s) => s.id)),
  ]);
  const review = await boardReview(links, viewer.id);
  const byId = new Map(jobs.map((j) => [j.id, toJobView(j, origin, viewer, names, marks.get(j.id))]));
  // What an export now would hold, to tell each film whether it still matches.
  const picks = pickedTakes(shots, jobs).map((j) => j.id);
  return {
    id: board.id,
    name: board.name,
    createdAt: new Date(board.createdAt).toISOString(),
    updatedAt: new Date(board.updatedAt).toISOString(),
    owner: board.userId ? (names.get(board.userId) ?? null) : null,
    canManage: canManage(viewer, board.userId),
    shots: shots
      .map((shot) => {
        const takes = shot.jobIds.flatMap((jobId) => byId.get(jobId) ?? []);
        const picked = takes.find((t) => t.id === shot.pickedJobId) ?? takes[0];
        return {
          id: shot.id,
          pickedJobId: picked?.id ?? null,
          takes,
          feedback: feedback
            .filter((f) => f.shotKey === shot.id)
            .map((f) => ({ name: f.name, pickedJobId: f.pickedJobId, comment: f.comment, at: new Date(f.updatedAt).toISOString() })),
          decisions: review.decisions(shot.id),
        };
      })
      .filter((shot) => shot.takes.length > 0),
    films: films.map((f) => filmView(f, origin, mayManageFilm(viewer, f, board.userId), picks)),
    reviewLinks: links.map((l) => ({
      id: l.id,
      url: `${origin}${reviewPath(l.id)}`,
      createdAt: new Date(l.createdAt).toISOString(),
      controls: review.controls(l.id),
      unread: review.unread(l.id),
    })),
    filmDecisions: review.decisions(FILM_SHOT),
  };
}

/** The validator of what `boardView` would answer this viewer: it moves whenever anything on the board may have. */
export async function boardTag(id: string, origin: string, viewer: Viewer): Promise<string> {
  const marks = isId(id) ? await boardMarks(id) : undefined;
  if (!marks) throw new AppError("not_found", "No storyboard with that id.");
  const hash = createHash("sha1").update(`${marks}|${await reviewMarks(id, viewer.id)}|${origin}|${viewer.id}|${viewer.role}`);
  return `"${hash.digest("base64url").slice(0, 22)}"`;
}
