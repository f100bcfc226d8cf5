ALTER TABLE `jobs` ADD `share_id` text;--> statement-breakpoint
ALTER TABLE `jobs` ADD `copy_status` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `jobs` ADD `copy_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `jobs` ADD `next_copy_at` integer;--> statement-breakpoint
ALTER TABLE `jobs` ADD `copy_error` text;--> statement-breakpoint
ALTER TABLE `jobs` ADD `copied_at` integer;--> statement-breakpoint
ALTER TABLE `jobs` ADD `video_file` text;--> statement-breakpoint
ALTER TABLE `jobs` ADD `video_bytes` integer;--> statement-breakpoint
ALTER TABLE `jobs` ADD `video_width` integer;--> statement-breakpoint
ALTER TABLE `jobs` ADD `video_height` integer;--> statement-breakpoint
ALTER TABLE `jobs` ADD `poster_file` text;--> statement-breakpoint
ALTER TABLE `jobs` ADD `last_frame_file` text;--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_share_id_unique` ON `jobs` (`share_id`);--> statement-breakpoint
CREATE INDEX `jobs_status_created_idx` ON `jobs` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `jobs_copy_due_idx` ON `jobs` (`copy_status`,`next_copy_at`);--> statement-breakpoint
UPDATE `jobs` SET `share_id` = lower(hex(randomblob(16))) WHERE `share_id` IS NULL;--> statement-breakpoint
UPDATE `jobs` SET `copy_status` = 'pending', `next_copy_at` = 0 WHERE `status` = 'completed';
