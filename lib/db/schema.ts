import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * queued      stored, not yet sent to WaveSpeed (safe to send)
 * submitting  the submit POST may be on the wire
 * submitted   WaveSpeed accepted it (upstream "created")
 * processing  WaveSpeed is generating
 * completed / failed   final
 * unknown     the submit may or may not have created a paid task; never resent
 * cancelled   withdrawn by its maker while still queued: never sent, nothing charged
 */
export const JOB_STATUSES = ["queued", "submitting", "submitted", "processing", "completed", "failed", "unknown", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
/**
 * Keyframe's own copy of a completed job's video (WaveSpeed deletes outputs after 7 days).
 * none: nothing to copy yet · pending: due at nextCopyAt · copying: claimed by a worker
 * done: videoFile/posterFile/lastFrameFile are on disk · failed: gave up (copyError says why)
 */
export const COPY_STATUSES = ["none", "pending", "copying", "done", "failed"] as const;
export type CopyStatus = (typeof COPY_STATUSES)[number];

import { SHARE_VISIBILITIES } from "../jobs/types";

export const ACTIVE_STATUSES = ["queued", "submitting", "submitted", "processing"] as const satisfies JobStatus[];

export const jobs = sqliteTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    /** Who made it (a better-auth user id); null for jobs from before accounts existed. */
    userId: text("user_id"),
    batchId: text("batch_id").notNull(),
    variation: integer("variation").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    status: text("status", { enum: JOB_STATUSES }).notNull(),
    prompt: text("prompt").notNull(),
    imageFile: text("image_file"),
    imageUrl: text("image_url"),
    imageWidth: integer("image_width"),
    imageHeight: integer("image_height"),
    lastImageFile: text("last_image_file"),
    lastImageUrl: text("last_image_url"),
    lastImageWidth: integer("last_image_width"),
    lastImageHeight: integer("last_image_height"),
    duration: integer("duration").notNull(),
    aspectRatio: text("aspect_ratio"),
    cameraFixed: integer("camera_fixed", { mode: "boolean" }).notNull(),
    seed: integer("seed").notNull(),
    safetyChecker: integer("safety_checker", { mode: "boolean" }).notNull(),
    priceMicros: integer("price_micros").notNull(),
    upstreamId: text("upstream_id").unique(),
    outputs: text("outputs", { mode: "json" }).$type<string[]>().notNull().default([]),
    nsfw: text("nsfw", { mode: "json" }).$type<boolean[]>().notNull().default([]),
    error: text("error"),
    submittedAt: integer("submitted_at"),
    processingAt: integer("processing_at"),
    finishedAt: integer("finished_at"),
    nextPollAt: integer("next_poll_at"),
    submitAttempts: integer("submit_attempts").notNull().default(0),
    pollCount: integer("poll_count").notNull().default(0),
    pollFailures: integer("poll_failures").notNull().default(0),
    /** The public link's id: 128 random bits, unrelated to the job id; null once revoked. */
    shareId: text("share_id").unique(),
    /** public: anyone with the link; team: only signed-in members. */
    shareVisibility: text("share_visibility", { enum: SHARE_VISIBILITIES }).notNull().default("public"),
    /** Hash of the exact inputs (images, prompt, settings, fixed seed), to catch paying twice for the same take. */
    fingerprint: text("fingerprint"),
    copyStatus: text("copy_status", { enum: COPY_STATUSES }).notNull().default("none"),
    copyAttempts: integer("copy_attempts").notNull().default(0),
    nextCopyAt: integer("next_copy_at"),
    copyError: text("copy_error"),
    copiedAt: integer("copied_at"),
    videoFile: text("video_file"),
    videoBytes: integer("video_bytes"),
    videoWidth: integer("video_width"),
    videoHeight: integer("video_height"),
    posterFile: text("poster_file"),
    lastFrameFile: text("last_frame_file"),
  },
  (t) => [
    index("jobs_created_idx").on(t.createdAt, t.id),
    index("jobs_status_created_idx").on(t.status, t.createdAt, t.id),
    index("jobs_due_idx").on(t.status, t.nextPollAt),
    index("jobs_copy_due_idx").on(t.copyStatus, t.nextCopyAt),
    index("jobs_user_created_idx").on(t.userId, t.createdAt),
    index("jobs_fingerprint_idx").on(t.fingerprint, t.createdAt),
  ],
);

/**
 * Money: one row per job, written in the same transaction that checks the caps.
 * reserved: counted against caps, not yet accepted by WaveSpeed · charged: WaveSpeed accepted it (or may
 * have) · released: it never reached WaveSpeed, so it no longer counts.
 */
export const LEDGER_STATES = ["reserved", "charged", "released"] as const;
export const ledger = sqliteTable(
  "ledger",
  {
    jobId: text("job_id").primaryKey(),
    userId: text("user_id"),
    amountMicros: integer("amount_micros").notNull(),
    state: text("state", { enum: LEDGER_STATES }).notNull(),
    /** The job was charged, then WaveSpeed reported it failed: counted only while the team says failed tasks are billed. */
    failed: integer("failed", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("ledger_created_idx").on(t.createdAt), index("ledger_user_created_idx").on(t.userId, t.createdAt)],
);

/** One form submission's key: the same key again answers the same jobs instead of making new ones. */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    userId: text("user_id").notNull(),
    key: text("key").notNull(),
    batchId: text("batch_id").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/** Team settings (caps, defaults), one JSON value per key. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export type Job = typeof jobs.$inferSelect;
export type NewJob = typeof jobs.$inferInsert;
export type LedgerEntry = typeof ledger.$inferSelect;
