CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`batch_id` text NOT NULL,
	`variation` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`status` text NOT NULL,
	`prompt` text NOT NULL,
	`image_file` text,
	`image_url` text,
	`image_width` integer,
	`image_height` integer,
	`last_image_file` text,
	`last_image_url` text,
	`last_image_width` integer,
	`last_image_height` integer,
	`duration` integer NOT NULL,
	`aspect_ratio` text,
	`camera_fixed` integer NOT NULL,
	`seed` integer NOT NULL,
	`safety_checker` integer NOT NULL,
	`price_micros` integer NOT NULL,
	`upstream_id` text,
	`outputs` text DEFAULT '[]' NOT NULL,
	`nsfw` text DEFAULT '[]' NOT NULL,
	`error` text,
	`submitted_at` integer,
	`processing_at` integer,
	`finished_at` integer,
	`next_poll_at` integer,
	`submit_attempts` integer DEFAULT 0 NOT NULL,
	`poll_count` integer DEFAULT 0 NOT NULL,
	`poll_failures` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_upstream_id_unique` ON `jobs` (`upstream_id`);--> statement-breakpoint
CREATE INDEX `jobs_created_idx` ON `jobs` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `jobs_due_idx` ON `jobs` (`status`,`next_poll_at`);