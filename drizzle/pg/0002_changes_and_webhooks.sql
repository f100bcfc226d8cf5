CREATE TABLE "job_tombstones" (
	"id" text PRIMARY KEY NOT NULL,
	"deleted_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"received_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "changed_at" bigint;--> statement-breakpoint
CREATE INDEX "job_tombstones_deleted_idx" ON "job_tombstones" USING btree ("deleted_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_received_idx" ON "webhook_deliveries" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "jobs_changed_idx" ON "jobs" USING btree ("changed_at");--> statement-breakpoint
UPDATE "jobs" SET "changed_at" = "updated_at";
