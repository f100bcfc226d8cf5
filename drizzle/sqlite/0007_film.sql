CREATE TABLE `films` (
	`id` text PRIMARY KEY NOT NULL,
	`storyboard_id` text NOT NULL,
	`user_id` text,
	`name` text NOT NULL,
	`job_ids` text NOT NULL,
	`status` text NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`error` text,
	`lease_owner` text,
	`lease_until` integer,
	`video_bytes` integer,
	`duration_ms` integer,
	`width` integer,
	`height` integer,
	`poster_file` text,
	`share_id` text,
	`share_visibility` text DEFAULT 'public' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `films_share_id_unique` ON `films` (`share_id`);--> statement-breakpoint
CREATE INDEX `films_board_idx` ON `films` (`storyboard_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `films_status_idx` ON `films` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `presets` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`prompt` text NOT NULL,
	`duration` integer NOT NULL,
	`aspect_ratio` text NOT NULL,
	`camera_fixed` integer NOT NULL,
	`seed` integer NOT NULL,
	`safety_checker` integer NOT NULL,
	`user_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `presets_name_unique` ON `presets` (`name`);--> statement-breakpoint
CREATE TABLE `review_feedback` (
	`link_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`shot_key` text NOT NULL,
	`name` text NOT NULL,
	`picked_job_id` text,
	`comment` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`link_id`, `reviewer_id`, `shot_key`)
);
--> statement-breakpoint
CREATE INDEX `review_feedback_job_idx` ON `review_feedback` (`picked_job_id`);--> statement-breakpoint
CREATE INDEX `review_feedback_shot_idx` ON `review_feedback` (`shot_key`);--> statement-breakpoint
CREATE TABLE `review_links` (
	`id` text PRIMARY KEY NOT NULL,
	`storyboard_id` text,
	`job_ids` text,
	`user_id` text,
	`created_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE INDEX `review_links_board_idx` ON `review_links` (`storyboard_id`);--> statement-breakpoint
CREATE TABLE `shot_takes` (
	`shot_id` text NOT NULL,
	`job_id` text NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`shot_id`, `job_id`)
);
--> statement-breakpoint
CREATE INDEX `shot_takes_job_idx` ON `shot_takes` (`job_id`);--> statement-breakpoint
CREATE TABLE `shots` (
	`id` text PRIMARY KEY NOT NULL,
	`storyboard_id` text NOT NULL,
	`position` integer NOT NULL,
	`picked_job_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `shots_board_idx` ON `shots` (`storyboard_id`,`position`);--> statement-breakpoint
CREATE TABLE `stars` (
	`job_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`job_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `stars_user_idx` ON `stars` (`user_id`);--> statement-breakpoint
CREATE TABLE `storyboards` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`user_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `storyboards_updated_idx` ON `storyboards` (`updated_at`);