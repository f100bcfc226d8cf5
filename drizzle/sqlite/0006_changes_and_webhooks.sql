CREATE TABLE `job_tombstones` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `job_tombstones_deleted_idx` ON `job_tombstones` (`deleted_at`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_received_idx` ON `webhook_deliveries` (`received_at`);--> statement-breakpoint
ALTER TABLE `jobs` ADD `changed_at` integer;--> statement-breakpoint
CREATE INDEX `jobs_changed_idx` ON `jobs` (`changed_at`);--> statement-breakpoint
UPDATE `jobs` SET `changed_at` = `updated_at`;
