CREATE TABLE "idempotency_keys" (
	"user_id" text NOT NULL,
	"key" text NOT NULL,
	"batch_id" text NOT NULL,
	"request_hash" text,
	"created_at" bigint NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "input_pins" (
	"name" text NOT NULL,
	"holder" text NOT NULL,
	"expires_at" bigint NOT NULL,
	CONSTRAINT "input_pins_name_holder_pk" PRIMARY KEY("name","holder")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text,
	"batch_id" text NOT NULL,
	"variation" integer NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"status" text NOT NULL,
	"prompt" text NOT NULL,
	"image_file" text,
	"image_url" text,
	"image_width" integer,
	"image_height" integer,
	"last_image_file" text,
	"last_image_url" text,
	"last_image_width" integer,
	"last_image_height" integer,
	"duration" integer NOT NULL,
	"aspect_ratio" text,
	"camera_fixed" boolean NOT NULL,
	"seed" integer NOT NULL,
	"safety_checker" boolean NOT NULL,
	"price_micros" bigint NOT NULL,
	"upstream_id" text,
	"outputs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"nsfw" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"submitted_at" bigint,
	"processing_at" bigint,
	"finished_at" bigint,
	"next_poll_at" bigint,
	"submit_attempts" integer DEFAULT 0 NOT NULL,
	"poll_count" integer DEFAULT 0 NOT NULL,
	"poll_failures" integer DEFAULT 0 NOT NULL,
	"share_id" text,
	"share_visibility" text DEFAULT 'public' NOT NULL,
	"fingerprint" text,
	"copy_status" text DEFAULT 'none' NOT NULL,
	"copy_attempts" integer DEFAULT 0 NOT NULL,
	"next_copy_at" bigint,
	"copy_error" text,
	"copied_at" bigint,
	"video_file" text,
	"video_bytes" bigint,
	"video_width" integer,
	"video_height" integer,
	"poster_file" text,
	"last_frame_file" text,
	"lease_owner" text,
	"lease_until" bigint,
	CONSTRAINT "jobs_upstream_id_unique" UNIQUE("upstream_id"),
	CONSTRAINT "jobs_share_id_unique" UNIQUE("share_id")
);
--> statement-breakpoint
CREATE TABLE "ledger" (
	"job_id" text PRIMARY KEY NOT NULL,
	"user_id" text,
	"amount_micros" bigint NOT NULL,
	"state" text NOT NULL,
	"failed" boolean DEFAULT false NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"window_start" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	"impersonated_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"role" text,
	"banned" boolean DEFAULT false,
	"ban_reason" text,
	"ban_expires" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "user_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_user_created_idx" ON "idempotency_keys" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "jobs_created_idx" ON "jobs" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "jobs_status_created_idx" ON "jobs" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("status","next_poll_at");--> statement-breakpoint
CREATE INDEX "jobs_copy_due_idx" ON "jobs" USING btree ("copy_status","next_copy_at");--> statement-breakpoint
CREATE INDEX "jobs_user_created_idx" ON "jobs" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "jobs_fingerprint_idx" ON "jobs" USING btree ("fingerprint","created_at");--> statement-breakpoint
CREATE INDEX "jobs_lease_idx" ON "jobs" USING btree ("lease_owner");--> statement-breakpoint
CREATE INDEX "jobs_image_idx" ON "jobs" USING btree ("image_file");--> statement-breakpoint
CREATE INDEX "jobs_last_image_idx" ON "jobs" USING btree ("last_image_file");--> statement-breakpoint
CREATE INDEX "ledger_created_idx" ON "ledger" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "ledger_user_created_idx" ON "ledger" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "account_user_idx" ON "account" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");