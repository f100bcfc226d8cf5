import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { DELIVERY_STATUSES, GROUP_SOURCES, TOKEN_SCOPES } from "../enums";

/** API tokens, outgoing webhooks and their deliveries, and batches: the tables of Keyframe's API side. */

/** A member's named API token. Only its SHA-256 is kept; `prefix` (the first characters) names it in lists. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    scope: text("scope", { enum: TOKEN_SCOPES }).notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at"),
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId, t.createdAt)],
);

/** An outgoing webhook ("hook"), a URL a member registered: each of their finished takes is POSTed to it, signed with `secret`. */
export const hooks = sqliteTable(
  "hooks",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    url: text("url").notNull(),
    /** `whsec_…`, shown to its member so a receiver can check signatures; signs as WaveSpeed signs. */
    secret: text("secret").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("hooks_user_idx").on(t.userId, t.createdAt)],
);

/** One event for one outgoing webhook (a hook): its body as first sent (every retry sends the same bytes), and how it went. */
export const hookDeliveries = sqliteTable(
  "hook_deliveries",
  {
    id: text("id").primaryKey(),
    hookId: text("hook_id").notNull(),
    /** The take it is about; null for a test delivery. */
    jobId: text("job_id"),
    event: text("event").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at"),
    /** The receiver's last HTTP status, or null when it could not be reached. */
    responseStatus: integer("response_status"),
    error: text("error"),
    leaseOwner: text("lease_owner"),
    leaseUntil: integer("lease_until"),
    createdAt: integer("created_at").notNull(),
    deliveredAt: integer("delivered_at"),
  },
  (t) => [
    uniqueIndex("hook_deliveries_once_idx").on(t.hookId, t.jobId, t.event),
    index("hook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("hook_deliveries_hook_idx").on(t.hookId, t.createdAt),
  ],
);

/** A batch: many rows of takes made at once from a file or a sweep, shown as one group ("12 of 40 done"). */
export const jobGroups = sqliteTable(
  "job_groups",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    name: text("name").notNull(),
    source: text("source", { enum: GROUP_SOURCES }).notNull(),
    /** How many takes the batch makes (rows × variations). */
    total: integer("total").notNull(),
    /** The batch's idempotency key (given, or a hash of its rows): the same batch again makes nothing twice. */
    key: text("key").notNull(),
    createdAt: integer("created_at").notNull(),
    cancelledAt: integer("cancelled_at"),
  },
  (t) => [uniqueIndex("job_groups_key_idx").on(t.userId, t.key), index("job_groups_user_idx").on(t.userId, t.createdAt)],
);
