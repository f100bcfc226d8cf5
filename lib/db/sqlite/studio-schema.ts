import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { FILM_STATUSES, SHARE_VISIBILITIES } from "../enums";

/** Storyboards, their shots and takes, stars, exported films and review links: the tables of the studio side. */
/** A named sequence of shots, shared by the team. */
export const storyboards = sqliteTable(
  "storyboards",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    userId: text("user_id"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("storyboards_updated_idx").on(t.updatedAt)],
);

/** A shot at `position` in its storyboard; the film uses its picked take. */
export const shots = sqliteTable(
  "shots",
  {
    id: text("id").primaryKey(),
    storyboardId: text("storyboard_id").notNull(),
    position: integer("position").notNull(),
    pickedJobId: text("picked_job_id"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("shots_board_idx").on(t.storyboardId, t.position)],
);

/** The takes a shot holds: the picked one and its alternates. */
export const shotTakes = sqliteTable(
  "shot_takes",
  {
    shotId: text("shot_id").notNull(),
    jobId: text("job_id").notNull(),
    addedAt: integer("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shotId, t.jobId] }), index("shot_takes_job_idx").on(t.jobId)],
);

/** One member's star on one take. */
export const stars = sqliteTable(
  "stars",
  {
    jobId: text("job_id").notNull(),
    userId: text("user_id").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.userId] }), index("stars_user_idx").on(t.userId)],
);

/** A storyboard's picked takes at export time, rendered into films/<id>.mp4 by whichever instance claims it. */
export const films = sqliteTable(
  "films",
  {
    id: text("id").primaryKey(),
    storyboardId: text("storyboard_id").notNull(),
    userId: text("user_id"),
    name: text("name").notNull(),
    jobIds: text("job_ids", { mode: "json" }).$type<string[]>().notNull(),
    status: text("status", { enum: FILM_STATUSES }).notNull(),
    progress: integer("progress").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    leaseOwner: text("lease_owner"),
    leaseUntil: integer("lease_until"),
    videoBytes: integer("video_bytes"),
    durationMs: integer("duration_ms"),
    width: integer("width"),
    height: integer("height"),
    posterFile: text("poster_file"),
    /** Each shot's length in the film (ms, probed from its segment at render): where a take's comments land. */
    shotMs: text("shot_ms", { mode: "json" }).$type<number[]>(),
    shareId: text("share_id").unique(),
    shareVisibility: text("share_visibility", { enum: SHARE_VISIBILITIES }).notNull().default("public"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    finishedAt: integer("finished_at"),
  },
  (t) => [index("films_board_idx").on(t.storyboardId, t.createdAt), index("films_status_idx").on(t.status, t.createdAt)],
);

/** A link for reviewers without an account, to a storyboard or to a set of takes; its id is the token. */
export const reviewLinks = sqliteTable(
  "review_links",
  {
    id: text("id").primaryKey(),
    storyboardId: text("storyboard_id"),
    jobIds: text("job_ids", { mode: "json" }).$type<string[]>(),
    userId: text("user_id"),
    createdAt: integer("created_at").notNull(),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("review_links_board_idx").on(t.storyboardId)],
);

/** One reviewer's word on one shot (`shotKey`: a shot id, or "takes" for a set of takes): a favourite and a comment. */
export const reviewFeedback = sqliteTable(
  "review_feedback",
  {
    linkId: text("link_id").notNull(),
    reviewerId: text("reviewer_id").notNull(),
    shotKey: text("shot_key").notNull(),
    name: text("name").notNull(),
    pickedJobId: text("picked_job_id"),
    comment: text("comment"),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.linkId, t.reviewerId, t.shotKey] }),
    index("review_feedback_job_idx").on(t.pickedJobId),
    index("review_feedback_shot_idx").on(t.shotKey),
  ],
);
