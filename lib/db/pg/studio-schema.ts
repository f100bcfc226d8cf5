import { bigint, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { FILM_STATUSES, SHARE_VISIBILITIES } from "../enums";
import { jsonb, ms } from "./columns";

/** Storyboards, their shots and takes, stars, exported films and review links: the tables of the studio side. */
export const storyboards = pgTable(
  "storyboards",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    userId: text("user_id"),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [index("storyboards_updated_idx").on(t.updatedAt)],
);

export const shots = pgTable(
  "shots",
  {
    id: text("id").primaryKey(),
    storyboardId: text("storyboard_id").notNull(),
    position: integer("position").notNull(),
    pickedJobId: text("picked_job_id"),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [index("shots_board_idx").on(t.storyboardId, t.position)],
);

export const shotTakes = pgTable(
  "shot_takes",
  {
    shotId: text("shot_id").notNull(),
    jobId: text("job_id").notNull(),
    addedAt: ms("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.shotId, t.jobId] }), index("shot_takes_job_idx").on(t.jobId)],
);

export const stars = pgTable(
  "stars",
  {
    jobId: text("job_id").notNull(),
    userId: text("user_id").notNull(),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.userId] }), index("stars_user_idx").on(t.userId)],
);

export const films = pgTable(
  "films",
  {
    id: text("id").primaryKey(),
    storyboardId: text("storyboard_id").notNull(),
    userId: text("user_id"),
    name: text("name").notNull(),
    jobIds: jsonb("job_ids").$type<string[]>().notNull(),
    status: text("status", { enum: FILM_STATUSES }).notNull(),
    progress: integer("progress").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    leaseOwner: text("lease_owner"),
    leaseUntil: ms("lease_until"),
    videoBytes: bigint("video_bytes", { mode: "number" }),
    durationMs: integer("duration_ms"),
    width: integer("width"),
    height: integer("height"),
    posterFile: text("poster_file"),
    /** Each shot's length in the film (ms, probed from its segment at render): where a take's comments land. */
    shotMs: jsonb("shot_ms").$type<number[]>(),
    shareId: text("share_id").unique(),
    shareVisibility: text("share_visibility", { enum: SHARE_VISIBILITIES }).notNull().default("public"),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
    finishedAt: ms("finished_at"),
  },
  (t) => [index("films_board_idx").on(t.storyboardId, t.createdAt), index("films_status_idx").on(t.status, t.createdAt)],
);

export const reviewLinks = pgTable(
  "review_links",
  {
    id: text("id").primaryKey(),
    storyboardId: text("storyboard_id"),
    jobIds: jsonb("job_ids").$type<string[]>(),
    userId: text("user_id"),
    createdAt: ms("created_at").notNull(),
    revokedAt: ms("revoked_at"),
  },
  (t) => [index("review_links_board_idx").on(t.storyboardId)],
);

export const reviewFeedback = pgTable(
  "review_feedback",
  {
    linkId: text("link_id").notNull(),
    reviewerId: text("reviewer_id").notNull(),
    shotKey: text("shot_key").notNull(),
    name: text("name").notNull(),
    pickedJobId: text("picked_job_id"),
    comment: text("comment"),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.linkId, t.reviewerId, t.shotKey] }),
    index("review_feedback_job_idx").on(t.pickedJobId),
    index("review_feedback_shot_idx").on(t.shotKey),
  ],
);
