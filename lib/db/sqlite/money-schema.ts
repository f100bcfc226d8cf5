import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { BILLING_KINDS, SETTLEMENT_STATES } from "../money-enums";

/** An "unknown" submit being settled against WaveSpeed's history (lib/money/settle.ts). */
export const settlements = sqliteTable(
  "settlements",
  {
    jobId: text("job_id").primaryKey(),
    state: text("state", { enum: SETTLEMENT_STATES }).notNull(),
    /** When WaveSpeed may have created the task: from just before the POST to when its answer was given up on. */
    windowStart: integer("window_start").notNull(),
    windowEnd: integer("window_end").notNull(),
    /** WaveSpeed task ids that fit (several: an admin chooses). */
    candidates: text("candidates", { mode: "json" }).$type<string[]>().notNull().default([]),
    taskId: text("task_id"),
    checks: integer("checks").notNull().default(0),
    nextCheckAt: integer("next_check_at"),
    leaseOwner: text("lease_owner"),
    leaseUntil: integer("lease_until"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("settlements_due_idx").on(t.state, t.nextCheckAt)],
);

/** One of WaveSpeed's billing items (a charge or a refund for a prediction), as pulled; its uuid keeps it once. */
export const billingItems = sqliteTable(
  "billing_items",
  {
    uuid: text("uuid").primaryKey(),
    taskId: text("task_id"),
    kind: text("kind", { enum: BILLING_KINDS }).notNull(),
    priceMicros: integer("price_micros").notNull(),
    at: integer("at").notNull(),
    model: text("model"),
    accessKey: text("access_key"),
    pulledAt: integer("pulled_at").notNull(),
  },
  (t) => [index("billing_items_task_idx").on(t.taskId), index("billing_items_at_idx").on(t.at)],
);

/** Named leases for work one instance does at a time (the billing pull); `doneAt`: its last success. */
export const moneyLeases = sqliteTable("money_leases", {
  name: text("name").primaryKey(),
  owner: text("owner"),
  until: integer("until"),
  doneAt: integer("done_at"),
  /** Asked for by an admin: pulled on the next tick. */
  wantedAt: integer("wanted_at"),
});

/** A spend alert that fired: one per cap (and member), threshold and period, whichever instance saw it first. */
export const spendAlerts = sqliteTable(
  "spend_alerts",
  {
    key: text("key").primaryKey(),
    /** A cap's key (teamDaily, memberMonthly…), or "balance". */
    kind: text("kind").notNull(),
    userId: text("user_id"),
    percent: integer("percent").notNull(),
    periodStart: integer("period_start").notNull(),
    spentMicros: integer("spent_micros").notNull(),
    limitMicros: integer("limit_micros").notNull(),
    message: text("message").notNull(),
    firedAt: integer("fired_at").notNull(),
    deliveryError: text("delivery_error"),
    seenAt: integer("seen_at"),
  },
  (t) => [index("spend_alerts_fired_idx").on(t.firedAt)],
);
