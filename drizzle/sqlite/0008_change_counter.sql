CREATE TABLE `counters` (
	`key` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `counters` (`key`, `value`) VALUES ('jobs', 0);
--> statement-breakpoint
-- Every change a gallery could show moves the counter, whichever instance (and clock) made it: validators built
-- from it never answer 304 over a real change.
CREATE TRIGGER `jobs_counter_insert` AFTER INSERT ON `jobs` BEGIN
  UPDATE `counters` SET `value` = `value` + 1 WHERE `key` = 'jobs';
END;
--> statement-breakpoint
CREATE TRIGGER `jobs_counter_update` AFTER UPDATE OF `changed_at` ON `jobs` BEGIN
  UPDATE `counters` SET `value` = `value` + 1 WHERE `key` = 'jobs';
END;
--> statement-breakpoint
CREATE TRIGGER `jobs_counter_delete` AFTER DELETE ON `jobs` BEGIN
  UPDATE `counters` SET `value` = `value` + 1 WHERE `key` = 'jobs';
END;
