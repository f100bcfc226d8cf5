CREATE TABLE "billing_items" (
	"uuid" text PRIMARY KEY NOT NULL,
	"task_id" text,
	"kind" text NOT NULL,
	"price_micros" bigint NOT NULL,
	"at" bigint NOT NULL,
	"model" text,
	"access_key" text,
	"pulled_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "money_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"owner" text,
	"until" bigint,
	"done_at" bigint,
	"wanted_at" bigint
);
--> statement-breakpoint
CREATE TABLE "settlements" (
	"job_id" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"window_start" bigint NOT NULL,
	"window_end" bigint NOT NULL,
	"candidates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"task_id" text,
	"checks" integer DEFAULT 0 NOT NULL,
	"next_check_at" bigint,
	"lease_owner" text,
	"lease_until" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spend_alerts" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"user_id" text,
	"percent" integer NOT NULL,
	"period_start" bigint NOT NULL,
	"spent_micros" bigint NOT NULL,
	"limit_micros" bigint NOT NULL,
	"message" text NOT NULL,
	"fired_at" bigint NOT NULL,
	"delivery_error" text,
	"seen_at" bigint
);
--> statement-breakpoint
ALTER TABLE "ledger" ADD COLUMN "charge_micros" bigint;--> statement-breakpoint
ALTER TABLE "ledger" ADD COLUMN "refund_micros" bigint;--> statement-breakpoint
ALTER TABLE "ledger" ADD COLUMN "billed_at" bigint;--> statement-breakpoint
CREATE INDEX "billing_items_task_idx" ON "billing_items" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "billing_items_at_idx" ON "billing_items" USING btree ("at");--> statement-breakpoint
CREATE INDEX "settlements_due_idx" ON "settlements" USING btree ("state","next_check_at");--> statement-breakpoint
CREATE INDEX "spend_alerts_fired_idx" ON "spend_alerts" USING btree ("fired_at");