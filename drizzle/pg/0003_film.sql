CREATE TABLE "films" (
	"id" text PRIMARY KEY NOT NULL,
	"storyboard_id" text NOT NULL,
	"user_id" text,
	"name" text NOT NULL,
	"job_ids" jsonb NOT NULL,
	"status" text NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"lease_owner" text,
	"lease_until" bigint,
	"video_bytes" bigint,
	"duration_ms" integer,
	"width" integer,
	"height" integer,
	"poster_file" text,
	"share_id" text,
	"share_visibility" text DEFAULT 'public' NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"finished_at" bigint,
	CONSTRAINT "films_share_id_unique" UNIQUE("share_id")
);
--> statement-breakpoint
CREATE TABLE "presets" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"prompt" text NOT NULL,
	"duration" integer NOT NULL,
	"aspect_ratio" text NOT NULL,
	"camera_fixed" boolean NOT NULL,
	"seed" integer NOT NULL,
	"safety_checker" boolean NOT NULL,
	"user_id" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "presets_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "review_feedback" (
	"link_id" text NOT NULL,
	"reviewer_id" text NOT NULL,
	"shot_key" text NOT NULL,
	"name" text NOT NULL,
	"picked_job_id" text,
	"comment" text,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "review_feedback_link_id_reviewer_id_shot_key_pk" PRIMARY KEY("link_id","reviewer_id","shot_key")
);
--> statement-breakpoint
CREATE TABLE "review_links" (
	"id" text PRIMARY KEY NOT NULL,
	"storyboard_id" text,
	"job_ids" jsonb,
	"user_id" text,
	"created_at" bigint NOT NULL,
	"revoked_at" bigint
);
--> statement-breakpoint
CREATE TABLE "shot_takes" (
	"shot_id" text NOT NULL,
	"job_id" text NOT NULL,
	"added_at" bigint NOT NULL,
	CONSTRAINT "shot_takes_shot_id_job_id_pk" PRIMARY KEY("shot_id","job_id")
);
--> statement-breakpoint
CREATE TABLE "shots" (
	"id" text PRIMARY KEY NOT NULL,
	"storyboard_id" text NOT NULL,
	"position" integer NOT NULL,
	"picked_job_id" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stars" (
	"job_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "stars_job_id_user_id_pk" PRIMARY KEY("job_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "storyboards" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"user_id" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "films_board_idx" ON "films" USING btree ("storyboard_id","created_at");--> statement-breakpoint
CREATE INDEX "films_status_idx" ON "films" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "review_feedback_job_idx" ON "review_feedback" USING btree ("picked_job_id");--> statement-breakpoint
CREATE INDEX "review_feedback_shot_idx" ON "review_feedback" USING btree ("shot_key");--> statement-breakpoint
CREATE INDEX "review_links_board_idx" ON "review_links" USING btree ("storyboard_id");--> statement-breakpoint
CREATE INDEX "shot_takes_job_idx" ON "shot_takes" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "shots_board_idx" ON "shots" USING btree ("storyboard_id","position");--> statement-breakpoint
CREATE INDEX "stars_user_idx" ON "stars" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "storyboards_updated_idx" ON "storyboards" USING btree ("updated_at");