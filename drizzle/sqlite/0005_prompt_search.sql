-- Prompt search: an FTS5 trigram index (case-insensitive substring match) kept in step with jobs by triggers.
-- It carries its own copy of each prompt keyed by job id, so nothing depends on rowids (which VACUUM may renumber).
CREATE VIRTUAL TABLE `jobs_fts` USING fts5(job_id UNINDEXED, prompt, tokenize = 'trigram');
--> statement-breakpoint
INSERT INTO `jobs_fts` (job_id, prompt) SELECT id, prompt FROM `jobs`;
--> statement-breakpoint
CREATE TRIGGER `jobs_fts_insert` AFTER INSERT ON `jobs` BEGIN
  INSERT INTO `jobs_fts` (job_id, prompt) VALUES (new.id, new.prompt);
END;
--> statement-breakpoint
CREATE TRIGGER `jobs_fts_delete` AFTER DELETE ON `jobs` BEGIN
  DELETE FROM `jobs_fts` WHERE job_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `jobs_fts_update` AFTER UPDATE OF prompt ON `jobs` BEGIN
  UPDATE `jobs_fts` SET prompt = new.prompt WHERE job_id = old.id;
END;
