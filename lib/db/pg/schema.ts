import { bigint, boolean, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { DEFAULT_MODEL } from "@/lib/catalog";
import { COPY_STATUSES, JOB_STATUSES, LEDGER_STATES, SHARE_VISIBILITIES } from "../enums";
import { jsonb, ms } from "./columns";

// The same tables as ../sqlite/schema.ts, column for column (times as bigint epoch ms, read as numbers).
export * from "./studio-schema";
export * from "./api-schema";

export const jobs = pgTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    userId: text("user_id"),
    batchId: text("batch_id").notNull(),
    /** The batch (a file or a sweep) it was made in, if any: see job_groups. */
    groupId: text("group_id"),
    variation: integer("variation").notNull(),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
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
    cameraFixed: boolean("camera_fixed").notNull(),
    seed: integer("seed").notNull(),
    safetyChecker: boolean("safety_checker").notNull(),
    /** The catalog id of the model that made it (lib/catalog); takes from before models were chosen are lite 480p. */
    model: text("model").notNull().default(DEFAULT_MODEL.id),
    /** The resolution asked for, on models that offer a choice (null: the model's one tier). */
    resolution: text("resolution"),
    /** `generate_audio` as sent, on models that make sound (null: a silent model). */
    generateAudio: boolean("generate_audio"),
    priceMicros: bigint("price_micros", { mode: "number" }).notNull(),
    upstreamId: text("upstream_id").unique(),
    outputs: jsonb("outputs").$type<string[]>().notNull().default([]),
    nsfw: jsonb("nsfw").$type<boolean[]>().notNull().default([]),
    error: text("error"),
    submittedAt: ms("submitted_at"),
    processingAt: ms("processing_at"),
    finishedAt: ms("finished_at"),
    nextPollAt: ms("next_poll_at"),
    submitAttempts: integer("submit_attempts").notNull().default(0),
    pollCount: integer("poll_count").notNull().default(0),
    pollFailures: integer("poll_failures").notNull().default(0),
    shareId: text("share_id").unique(),
    shareVisibility: text("share_visibility", { enum: SHARE_VISIBILITIES }).notNull().default("public"),
    fingerprint: text("fingerprint"),
    copyStatus: text("copy_status", { enum: COPY_STATUSES }).notNull().default("none"),
    copyAttempts: integer("copy_attempts").notNull().default(0),
    nextCopyAt: ms("next_copy_at"),
    copyError: text("copy_error"),
    copiedAt: ms("copied_at"),
    videoFile: text("video_file"),
    videoBytes: bigint("video_bytes", { mode: "number" }),
    videoWidth: integer("video_width"),
    videoHeight: integer("video_height"),
    posterFile: text("poster_file"),
    lastFrameFile: text("last_frame_file"),
    leaseOwner: text("lease_owner"),
    leaseUntil: ms("lease_until"),
    /** When something a viewer sees last changed (not lease or poll bookkeeping): galleries ask "what changed since". */
    changedAt: ms("changed_at"),
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

export const ledger = pgTable(
  "ledger",
  {
    jobId: text("job_id").primaryKey(),
    userId: text("user_id"),
    amountMicros: bigint("amount_micros", { mode: "number" }).notNull(),
    state: text("state", { enum: LEDGER_STATES }).notNull(),
    failed: boolean("failed").notNull().default(false),
    chargeMicros: bigint("charge_micros", { mode: "number" }),
    refundMicros: bigint("refund_micros", { mode: "number" }),
    billedAt: ms("billed_at"),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [index("ledger_created_idx").on(t.createdAt), index("ledger_user_created_idx").on(t.userId, t.createdAt)],
);

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: text("user_id").notNull(),
    key: text("key").notNull(),
    batchId: text("batch_id").notNull(),
    requestHash: text("request_hash"),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] }), index("idempotency_user_created_idx").on(t.userId, t.createdAt)],
);

export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: ms("updated_at").notNull(),
});

export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStart: ms("window_start").notNull(),
});

export const upstreamUploads = pgTable("upstream_uploads", {
  sha256: text("sha256").primaryKey(),
  url: text("url").notNull(),
  uploadedAt: ms("uploaded_at").notNull(),
});

export const inputPins = pgTable(
  "input_pins",
  {
    name: text("name").notNull(),
    holder: text("holder").notNull(),
    expiresAt: ms("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.name, t.holder] })],
);

/** Jobs deleted lately, so a gallery that loaded them hears they are gone; kept a day. */
export const jobTombstones = pgTable(
  "job_tombstones",
  {
    id: text("id").primaryKey(),
    deletedAt: ms("deleted_at").notNull(),
  },
  (t) => [index("job_tombstones_deleted_idx").on(t.deletedAt)],
);

/** Webhook deliveries already applied (WaveSpeed may deliver one more than once); kept a day. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    receivedAt: ms("received_at").notNull(),
  },
  (t) => [index("webhook_deliveries_received_idx").on(t.receivedAt)],
);

export const presets = pgTable("presets", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  prompt: text("prompt").notNull(),
  duration: integer("duration").notNull(),
  aspectRatio: text("aspect_ratio").notNull(),
  cameraFixed: boolean("camera_fixed").notNull(),
  seed: integer("seed").notNull(),
  safetyChecker: boolean("safety_checker").notNull(),
  /** The catalog id of the model it was saved with (null: saved before presets named one; it keeps the form's). */
  model: text("model"),
  userId: text("user_id"),
  createdAt: ms("created_at").notNull(),
  updatedAt: ms("updated_at").notNull(),
});

/** Counters moved by the database itself (triggers): `jobs` moves on every change a gallery could show. */
export const counters = pgTable("counters", {
  key: text("key").primaryKey(),
  value: ms("value").notNull(),
});
export * from "./review-schema";
export * from "./link-schema";
export * from "./money-schema";
