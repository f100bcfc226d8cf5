import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { DEFAULT_MODEL } from "@/lib/catalog";
import { COPY_STATUSES, JOB_STATUSES, LEDGER_STATES, SHARE_VISIBILITIES } from "../enums";

export * from "./studio-schema";
export * from "./api-schema";

// Times are epoch milliseconds everywhere (bigint on PostgreSQL), so both schemas infer the same row types.

export const jobs = sqliteTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    /** Who made it (a better-auth user id); null for jobs from before accounts existed. */
    userId: text("user_id"),
    batchId: text("batch_id").notNull(),
    /** The batch (a file or a sweep) it was made in, if any: see job_groups. */
    groupId: text("group_id"),
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
    /** The catalog id of the model that made it (lib/catalog); takes from before models were chosen are lite 480p. */
    model: text("model").notNull().default(DEFAULT_MODEL.id),
    /** The resolution asked for, on models that offer a choice (null: the model's one tier). */
    resolution: text("resolution"),
    /** `generate_audio` as sent, on models that make sound (null: a silent model). */
    generateAudio: integer("generate_audio", { mode: "boolean" }),
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
    shareVisibility: text("share_visibility", { enum: SHARE_VISIBILITIES }).notNull().default("public"),
    /** Hash of the take's inputs as sent (images, prompt, settings, the seed it ran with), to catch paying twice for the same take. */
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
    /** The instance working on this job now (submitting, polling or copying it), until leaseUntil. */
    leaseOwner: text("lease_owner"),
    leaseUntil: integer("lease_until"),
    /** When something a viewer sees last changed (not lease or poll bookkeeping): galleries ask "what changed since". */
    changedAt: integer("changed_at"),
  },
  (t) => [
    index("jobs_created_idx").on(t.createdAt, t.id),
    index("jobs_status_created_idx").on(t.status, t.createdAt, t.id),
    index("jobs_due_idx").on(t.status, t.nextPollAt),
    index("jobs_copy_due_idx").on(t.copyStatus, t.nextCopyAt),
    index("jobs_user_created_idx").on(t.userId, t.createdAt),
    index("jobs_fingerprint_idx").on(t.fingerprint, t.createdAt),
    index("jobs_lease_idx").on(t.leaseOwner),
    index("jobs_image_idx").on(t.imageFile),
    index("jobs_last_image_idx").on(t.lastImageFile),
    index("jobs_changed_idx").on(t.changedAt),
    index("jobs_group_idx").on(t.groupId, t.createdAt),
  ],
);

export const ledger = sqliteTable(
  "ledger",
  {
    jobId: text("job_id").primaryKey(),
    userId: text("user_id"),
    amountMicros: integer("amount_micros").notNull(),
    state: text("state", { enum: LEDGER_STATES }).notNull(),
    /** The job was charged, then WaveSpeed reported it failed: counted only while the team says failed tasks are billed. */
    failed: integer("failed", { mode: "boolean" }).notNull().default(false),
    /** What WaveSpeed's billing says it charged and refunded for this job's task (null until pulled). */
    chargeMicros: integer("charge_micros"),
    refundMicros: integer("refund_micros"),
    billedAt: integer("billed_at"),
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
    /** Hash of the request the key was first used for: the same key with another request is refused. */
    requestHash: text("request_hash"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_user_created_idx").on(t.userId, t.createdAt)],
);

/** Team settings (caps, defaults) and install-wide values, one JSON value per key. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** Fixed-window counters (sign-in attempts by email and address, and by address alone), counted atomically. */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStart: integer("window_start").notNull(),
});

/** Images already uploaded to WaveSpeed, by the sha256 of their bytes: reused while WaveSpeed keeps them (7 days). */
export const upstreamUploads = sqliteTable("upstream_uploads", {
  sha256: text("sha256").primaryKey(),
  url: text("url").notNull(),
  uploadedAt: integer("uploaded_at").notNull(),
});

/** Stored inputs a request is about to use, so a concurrent delete of the last job using one leaves it alone. */
export const inputPins = sqliteTable(
  "input_pins",
  {
    name: text("name").notNull(),
    holder: text("holder").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.name, t.holder] })],
);

/** Jobs deleted lately, so a gallery that loaded them hears they are gone; kept a day. */
export const jobTombstones = sqliteTable(
  "job_tombstones",
  {
    id: text("id").primaryKey(),
    deletedAt: integer("deleted_at").notNull(),
  },
  (t) => [index("job_tombstones_deleted_idx").on(t.deletedAt)],
);

/** Webhook deliveries already applied (WaveSpeed may deliver one more than once); kept a day. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [index("webhook_deliveries_received_idx").on(t.receivedAt)],
);

/** A team prompt preset: a prompt and the settings to go with it. */
export const presets = sqliteTable("presets", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  prompt: text("prompt").notNull(),
  duration: integer("duration").notNull(),
  aspectRatio: text("aspect_ratio").notNull(),
  cameraFixed: integer("camera_fixed", { mode: "boolean" }).notNull(),
  seed: integer("seed").notNull(),
  safetyChecker: integer("safety_checker", { mode: "boolean" }).notNull(),
  /** The catalog id of the model it was saved with (null: saved before presets named one; it keeps the form's). */
  model: text("model"),
  userId: text("user_id"),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/** Counters moved by the database itself (triggers): `jobs` moves on every change a gallery could show. */
export const counters = sqliteTable("counters", {
  key: text("key").primaryKey(),
  value: integer("value").notNull(),
});
export * from "./review-schema";
export * from "./link-schema";
export * from "./money-schema";
