CREATE TABLE `review_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`link_id` text,
	`storyboard_id` text,
	`job_id` text,
	`film_id` text,
	`parent_id` text,
	`author` text NOT NULL,
	`reviewer_id` text,
	`user_id` text,
	`name` text NOT NULL,
	`body` text NOT NULL,
	`at_ms` integer,
	`end_ms` integer,
	`drawing` text,
	`resolved_at` integer,
	`resolved_by` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `review_comments_job_idx` ON `review_comments` (`job_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `review_comments_film_idx` ON `review_comments` (`film_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `review_comments_link_idx` ON `review_comments` (`link_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `review_comments_parent_idx` ON `review_comments` (`parent_id`);--> statement-breakpoint
CREATE INDEX `review_comments_created_idx` ON `review_comments` (`created_at`);