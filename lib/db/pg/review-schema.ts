import { index, pgTable, text } from "drizzle-orm/pg-core";
import { COMMENT_AUTHORS, type DrawingShape } from "../enums";
import { jsonb, ms } from "./columns";

/**
 * A comment on the picture of a take (`jobId`) or a film (`filmId`), at `atMs` or over `atMs`..`endMs`, with an
 * optional drawing on that frame. A reply names its thread's first comment in `parentId` (and has no time of its
 * own). Written by a reviewer through a review link (`linkId`, `reviewerId`) or by a member (`userId`).
 */
export const reviewComments = pgTable(
  "review_comments",
  {
    id: text("id").primaryKey(),
    linkId: text("link_id"),
    storyboardId: text("storyboard_id"),
    jobId: text("job_id"),
    filmId: text("film_id"),
    parentId: text("parent_id"),
    author: text("author", { enum: COMMENT_AUTHORS }).notNull(),
    reviewerId: text("reviewer_id"),
    userId: text("user_id"),
    name: text("name").notNull(),
    body: text("body").notNull(),
    atMs: ms("at_ms"),
    endMs: ms("end_ms"),
    drawing: jsonb("drawing").$type<DrawingShape[]>(),
    resolvedAt: ms("resolved_at"),
    resolvedBy: text("resolved_by"),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [
    index("review_comments_job_idx").on(t.jobId, t.createdAt),
    index("review_comments_film_idx").on(t.filmId, t.createdAt),
    index("review_comments_link_idx").on(t.linkId, t.createdAt),
    index("review_comments_parent_idx").on(t.parentId),
    index("review_comments_created_idx").on(t.createdAt),
  ],
);
