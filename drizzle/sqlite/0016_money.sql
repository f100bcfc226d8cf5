CREATE TABLE `billing_items` (
	`uuid` text PRIMARY KEY NOT NULL,
	`task_id` text,
	`kind` text NOT NULL,
	`price_micros` integer NOT NULL,
	`at` integer NOT NULL,
	`model` text,
	`access_key` text,
	`pulled_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `billing_items_task_idx` ON `billing_items` (`task_id`);--> statement-breakpoint
CREATE INDEX `billing_items_at_idx` ON `billing_items` (`at`);--> statement-breakpoint
CREATE TABLE `money_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`owner` text,
	`until` integer,
	`done_at` integer,
	`wanted_at` integer
);
--> statement-breakpoint
CREATE TABLE `settlements` (
	`job_id` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`window_start` integer NOT NULL,
	`window_end` integer NOT NULL,
	`candidates` text DEFAULT '[]' NOT NULL,
	`task_id` text,
	`checks` integer DEFAULT 0 NOT NULL,
	`next_check_at` integer,
	`lease_owner` text,
	`lease_until` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `settlements_due_idx` ON `settlements` (`state`,`next_check_at`);--> statement-breakpoint
CREATE TABLE `spend_alerts` (
	`key` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`user_id` text,
	`percent` integer NOT NULL,
	`period_start` integer NOT NULL,
	`spent_micros` integer NOT NULL,
	`limit_micros` integer NOT NULL,
	`message` text NOT NULL,
	`fired_at` integer NOT NULL,
	`delivery_error` text,
	`seen_at` integer
);
--> statement-breakpoint
CREATE INDEX `spend_alerts_fired_idx` ON `spend_alerts` (`fired_at`);--> statement-breakpoint
ALTER TABLE `ledger` ADD `charge_micros` integer;--> statement-breakpoint
ALTER TABLE `ledger` ADD `refund_micros` integer;--> statement-breakpoint
ALTER TABLE `ledger` ADD `billed_at` integer;