CREATE TABLE `review_decisions` (
	`link_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`shot_key` text NOT NULL,
	`name` text NOT NULL,
	`decision` text NOT NULL,
	`subject_id` text,
	`version` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`link_id`, `reviewer_id`, `shot_key`)
);
--> statement-breakpoint
CREATE INDEX `review_decisions_updated_idx` ON `review_decisions` (`updated_at`);--> statement-breakpoint
CREATE TABLE `review_link_controls` (
	`link_id` text PRIMARY KEY NOT NULL,
	`expires_at` integer,
	`pass_hash` text,
	`allow_comment` integer DEFAULT true NOT NULL,
	`allow_decide` integer DEFAULT true NOT NULL,
	`allow_download` integer DEFAULT false NOT NULL,
	`disabled_at` integer,
	`views` integer DEFAULT 0 NOT NULL,
	`last_view_at` integer,
	`last_activity_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `review_notify_state` (
	`channel` text PRIMARY KEY NOT NULL,
	`cursor` integer NOT NULL,
	`lease_owner` text,
	`lease_until` integer,
	`last_error` text,
	`last_sent_at` integer
);
--> statement-breakpoint
CREATE TABLE `review_reads` (
	`user_id` text NOT NULL,
	`link_id` text NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `link_id`)
);
--> statement-breakpoint
CREATE TABLE `review_versions` (
	`subject_key` text NOT NULL,
	`number` integer NOT NULL,
	`picks` text NOT NULL,
	`film_id` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`subject_key`, `number`)
);
--> statement-breakpoint
CREATE TABLE `review_visits` (
	`link_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`name` text,
	`views` integer DEFAULT 0 NOT NULL,
	`seen_version` integer,
	`last_seen_at` integer NOT NULL,
	PRIMARY KEY(`link_id`, `reviewer_id`)
);
