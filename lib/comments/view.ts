import type { ReviewComment } from "@/lib/db/schema";
import type { CommentView } from "./types";

/** Who is asking: a reviewer (by the id their browser made up) or a member (by account). */
export type Asker = { reviewerId: string } | { userId: string };

export function commentView(row: ReviewComment, asker: Asker | null): CommentView {
  const mine =
    asker !== null &&
    ("reviewerId" in asker ? row.author === "reviewer" && row.reviewerId === asker.reviewerId : row.userId === asker.userId);
  return {
    id: row.id,
    parentId: row.parentId,
    jobId: row.jobId,
    filmId: row.filmId,
    author: row.author,
    name: row.name,
    body: row.body,
    atMs: row.atMs,
    endMs: row.endMs,
    drawing: row.drawing,
    resolved: row.resolvedAt !== null,
    createdAt: new Date(row.createdAt).toISOString(),
    mine,
  };
}

/** What the team shows for a member: their name, never their email (a name that is an email shows as "Team"). */
export const memberDisplayName = (name: string) => {
  const trimmed = name.trim();
  return !trimmed || trimmed.includes("@") ? "Team" : trimmed.slice(0, 60);
};
