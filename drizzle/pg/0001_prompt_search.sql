-- Prompt search: a trigram GIN index, used by ILIKE '%text%'. pg_trgm is a trusted extension (PostgreSQL 13+),
-- so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "jobs_prompt_trgm_idx" ON "jobs" USING gin ("prompt" gin_trgm_ops);
