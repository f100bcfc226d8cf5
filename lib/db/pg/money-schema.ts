import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { BILLING_KINDS, SETTLEMENT_STATES } from "../money-enums";
import { jsonb, ms } from "./columns";

/** An "unknown" submit being settled against WaveSpeed's history (lib/money/settle.ts). */
export const settlements = pgTable(
  "settlements",
  {
    jobId: text("job_id").primaryKey(),
    state: text("state", { enum: SETTLEMENT_STATES }).notNull(),
    windowStart: ms("window_start").notNull(),
    windowEnd: ms("window_end").notNull(),
    candidates: jsonb("candidates").$type<string[]>().notNull().default([]),
    taskId: text("task_id"),
    checks: integer("checks").notNull().default(0),
    nextCheckAt: ms("next_check_at"),
    leaseOwner: text("lease_owner"),
    leaseUntil: ms("lease_until"),
    createdAt: ms("created_at").notNull(),
    updatedAt: ms("updated_at").notNull(),
  },
  (t) => [index("settlements_due_idx").on(t.state, t.nextCheckAt)],
);

/** One of WaveSpeed's billing items (a charge or a refund for a prediction), as pulled; its uuid keeps it once. */
export const billingItems = pgTable(
  "billing_items",
  {
    uuid: text("uuid").primaryKey(),
    taskId: text("task_id"),
    kind: text("kind", { enum: BILLING_KINDS }).notNull(),
    priceMicros: ms("price_micros").notNull(),
    at: ms("at").notNull(),
    model: text("model"),
    accessKey: text("access_key"),
    pulledAt: ms("pulled_at").notNull(),
  },
  (t) => [index("billing_items_task_idx").on(t.taskId), index("billing_items_at_idx").on(t.at)],
);

/** Named leases for work one instance does at a time (the billing pull); `doneAt`: its last success. */
export const moneyLeases = pgTable("money_leases", {
  name: text("name").primaryKey(),
  owner: text("owner"),
  until: ms("until"),
  doneAt: ms("done_at"),
  wantedAt: ms("wanted_at"),
});

/** A spend alert that fired: one per cap (and member), threshold and period, whichever instance saw it first. */
export const spendAlerts = pgTable(
  "spend_alerts",
  {
    key: text("key").primaryKey(),
    kind: text("kind").notNull(),
    userId: text("user_id"),
    percent: integer("percent").notNull(),
    periodStart: ms("period_start").notNull(),
    spentMicros: ms("spent_micros").notNull(),
    limitMicros: ms("limit_micros").notNull(),
    message: text("message").notNull(),
    firedAt: ms("fired_at").notNull(),
    deliveryError: text("delivery_error"),
    seenAt: ms("seen_at"),
  },
  (t) => [index("spend_alerts_fired_idx").on(t.firedAt)],
);
