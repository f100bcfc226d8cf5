CREATE TABLE `input_pins` (
	`name` text NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`name`, `holder`)
);
--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`window_start` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD `request_hash` text;--> statement-breakpoint
CREATE INDEX `idempotency_user_created_idx` ON `idempotency_keys` (`user_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `jobs` ADD `lease_owner` text;--> statement-breakpoint
ALTER TABLE `jobs` ADD `lease_until` integer;--> statement-breakpoint
CREATE INDEX `jobs_lease_idx` ON `jobs` (`lease_owner`);--> statement-breakpoint
CREATE INDEX `jobs_image_idx` ON `jobs` (`image_file`);--> statement-breakpoint
CREATE INDEX `jobs_last_image_idx` ON `jobs` (`last_image_file`);