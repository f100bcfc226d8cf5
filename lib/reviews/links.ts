import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import { getReviewLink, insertReviewLink, revokeReviewLink } from "@/lib/db/queries/reviews";
import { AppError } from "@/lib/errors";
import { isId, newId } from "@/lib/jobs/ids";
import { canManage } from "@/lib/jobs/types";
import { findBoard, usableTake } from "@/lib/storyboards/boards";
import { reviewPath } from "./paths";

/** One link for reviewers without an account: to a storyboard, or to a set of finished takes (one "shot" to pick from). */
export async function createReviewLink(input: { storyboardId: string } | { jobIds: string[] }, user: SessionUser, origin: string) {
  const id = newId();
  const base = { id, userId: user.id, createdAt: Date.now(), revokedAt: null };
  if ("storyboardId" in input) {
    const board = await findBoard(input.storyboardId);
    await insertReviewLink({ ...base, storyboardId: board.id, jobIds: null });
  } else {
    const jobIds = [...new Set(input.jobIds)];
    for (const jobId of jobIds) {
      const job = await usableTake(jobId);
      if (job.status !== "completed")
        throw new AppError("conflict", "Only finished takes can be reviewed.", { jobIds: "A take is not finished yet." });
    }
    await insertReviewLink({ ...base, storyboardId: null, jobIds });
  }
  return { id, url: `${origin}${reviewPath(id)}` };
}

/** The link stops working at once: its page, media and API answer 404. Whoever made it, or an admin. */
export async function revokeLink(id: string, user: SessionUser): Promise<void> {
  const link = isId(id) ? await getReviewLink(id) : undefined;
  if (!link || link.revokedAt !== null) throw new AppError("not_found", "No such review link (it may be revoked already).");
  if (!canManage(user, link.userId)) throw new AppError("forbidden", "Only whoever made this link, or an admin, can revoke it.");
  await revokeReviewLink(link.id);
}
