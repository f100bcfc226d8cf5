ALTER TABLE "jobs" ADD COLUMN "model" text DEFAULT 'bytedance/seedance-v1-lite-i2v-480p' NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "resolution" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "generate_audio" boolean;