CREATE TABLE "review_comments" (
	"id" text PRIMARY KEY NOT NULL,
	"link_id" text,
	"storyboard_id" text,
	"job_id" text,
	"film_id" text,
	"parent_id" text,
	"author" text NOT NULL,
	"reviewer_id" text,
	"user_id" text,
	"name" text NOT NULL,
	"body" text NOT NULL,
	"at_ms" bigint,
	"end_ms" bigint,
	"drawing" jsonb,
	"resolved_at" bigint,
	"resolved_by" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "review_comments_job_idx" ON "review_comments" USING btree ("job_id","created_at");--> statement-breakpoint
CREATE INDEX "review_comments_film_idx" ON "review_comments" USING btree ("film_id","created_at");--> statement-breakpoint
CREATE INDEX "review_comments_link_idx" ON "review_comments" USING btree ("link_id","created_at");--> statement-breakpoint
CREATE INDEX "review_comments_parent_idx" ON "review_comments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "review_comments_created_idx" ON "review_comments" USING btree ("created_at");