CREATE TABLE "review_decisions" (
	"link_id" text NOT NULL,
	"reviewer_id" text NOT NULL,
	"shot_key" text NOT NULL,
	"name" text NOT NULL,
	"decision" text NOT NULL,
	"subject_id" text,
	"version" integer,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "review_decisions_link_id_reviewer_id_shot_key_pk" PRIMARY KEY("link_id","reviewer_id","shot_key")
);
--> statement-breakpoint
CREATE TABLE "review_link_controls" (
	"link_id" text PRIMARY KEY NOT NULL,
	"expires_at" bigint,
	"pass_hash" text,
	"allow_comment" boolean DEFAULT true NOT NULL,
	"allow_decide" boolean DEFAULT true NOT NULL,
	"allow_download" boolean DEFAULT false NOT NULL,
	"disabled_at" bigint,
	"views" integer DEFAULT 0 NOT NULL,
	"last_view_at" bigint,
	"last_activity_at" bigint,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_notify_state" (
	"channel" text PRIMARY KEY NOT NULL,
	"cursor" bigint NOT NULL,
	"lease_owner" text,
	"lease_until" bigint,
	"last_error" text,
	"last_sent_at" bigint
);
--> statement-breakpoint
CREATE TABLE "review_reads" (
	"user_id" text NOT NULL,
	"link_id" text NOT NULL,
	"read_at" bigint NOT NULL,
	CONSTRAINT "review_reads_user_id_link_id_pk" PRIMARY KEY("user_id","link_id")
);
--> statement-breakpoint
CREATE TABLE "review_versions" (
	"subject_key" text NOT NULL,
	"number" integer NOT NULL,
	"picks" jsonb NOT NULL,
	"film_id" text,
	"created_at" bigint NOT NULL,
	CONSTRAINT "review_versions_subject_key_number_pk" PRIMARY KEY("subject_key","number")
);
--> statement-breakpoint
CREATE TABLE "review_visits" (
	"link_id" text NOT NULL,
	"reviewer_id" text NOT NULL,
	"name" text,
	"views" integer DEFAULT 0 NOT NULL,
	"seen_version" integer,
	"last_seen_at" bigint NOT NULL,
	CONSTRAINT "review_visits_link_id_reviewer_id_pk" PRIMARY KEY("link_id","reviewer_id")
);
--> statement-breakpoint
CREATE INDEX "review_decisions_updated_idx" ON "review_decisions" USING btree ("updated_at");