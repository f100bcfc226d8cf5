CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`token_hash` text NOT NULL,
	`scope` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`last_used_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `hook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`hook_id` text NOT NULL,
	`job_id` text,
	`event` text NOT NULL,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`response_status` integer,
	`error` text,
	`lease_owner` text,
	`lease_until` integer,
	`created_at` integer NOT NULL,
	`delivered_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hook_deliveries_once_idx` ON `hook_deliveries` (`hook_id`,`job_id`,`event`);--> statement-breakpoint
CREATE INDEX `hook_deliveries_due_idx` ON `hook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `hook_deliveries_hook_idx` ON `hook_deliveries` (`hook_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `hooks` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`url` text NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `hooks_user_idx` ON `hooks` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `job_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`source` text NOT NULL,
	`total` integer NOT NULL,
	`key` text NOT NULL,
	`created_at` integer NOT NULL,
	`cancelled_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `job_groups_key_idx` ON `job_groups` (`user_id`,`key`);--> statement-breakpoint
CREATE INDEX `job_groups_user_idx` ON `job_groups` (`user_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `jobs` ADD `group_id` text;--> statement-breakpoint
CREATE INDEX `jobs_group_idx` ON `jobs` (`group_id`,`created_at`);