import { boolean, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { jsonb, ms } from "./columns";
import { REVIEW_DECISIONS } from "../enums";

/**
 * What the team set on a review link (no row: the defaults, open to all with the link): an expiry, a passphrase
 * (scrypt, never the text), switches for commenting, deciding and downloading, and off; and how it has been used.
 */
export const reviewLinkControls = pgTable("review_link_controls", {
  linkId: text("link_id").primaryKey(),
  expiresAt: ms("expires_at"),
  passHash: text("pass_hash"),
  allowComment: boolean("allow_comment").notNull().default(true),
  allowDecide: boolean("allow_decide").notNull().default(true),
  allowDownload: boolean("allow_download").notNull().default(false),
  disabledAt: ms("disabled_at"),
  views: integer("views").notNull().default(0),
  lastViewAt: ms("last_view_at"),
  lastActivityAt: ms("last_activity_at"),
  updatedAt: ms("updated_at").notNull(),
});

/** One reviewer's decision on one shot (`shotKey`: a shot id, "takes", or "film"), on the version they saw. */
export const reviewDecisions = pgTable(
  "review_decisions",
  {
    linkId: text("link_id").notNull(),
    reviewerId: text("reviewer_id").notNull(),
    shotKey: text("shot_key").notNull(),
    name: text("name").notNull(),
    decision: text("decision", { enum: REVIEW_DECISIONS }).notNull(),
    /** The take (or film) the reviewer was looking at. */
    subjectId: text("subject_id"),
    version: integer("version"),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.linkId, t.reviewerId, t.shotKey] }), index("review_decisions_updated_idx").on(t.updatedAt)],
);

/** The versions of what a board's links show: the team's pick per shot and the latest film, numbered from 1. */
export const reviewVersions = pgTable(
  "review_versions",
  {
    subjectKey: text("subject_key").notNull(),
    number: integer("number").notNull(),
    picks: jsonb("picks").$type<Record<string, string>>().notNull(),
    filmId: text("film_id"),
    createdAt: ms("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.subjectKey, t.number] })],
);

/** A reviewer's visits to a link: how often, when last, and the version they last saw. */
export const reviewVisits = pgTable(
  "review_visits",
  {
    linkId: text("link_id").notNull(),
    reviewerId: text("reviewer_id").notNull(),
    name: text("name"),
    views: integer("views").notNull().default(0),
    seenVersion: integer("seen_version"),
    lastSeenAt: ms("last_seen_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.linkId, t.reviewerId] })],
);

/** Until when a member has read what reviewers said on a link (unread counts). */
export const reviewReads = pgTable(
  "review_reads",
  {
    userId: text("user_id").notNull(),
    linkId: text("link_id").notNull(),
    readAt: ms("read_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.linkId] })],
);

/** The batched notifier's cursor and lease (one row per channel): each batch is sent once, by one instance. */
export const reviewNotifyState = pgTable("review_notify_state", {
  channel: text("channel").primaryKey(),
  cursor: ms("cursor").notNull(),
  leaseOwner: text("lease_owner"),
  leaseUntil: ms("lease_until"),
  lastError: text("last_error"),
  lastSentAt: ms("last_sent_at"),
});
