-- A shot emptied through another board's URL (DELETE /api/storyboards/{A}/shots/{B's shot}, now refused) was
-- hidden on its board, and every reorder of that board failed. Take rows whose job or shot is gone go first;
-- a shot left with no take gets back its picked take and the takes reviewers picked for it, where those still
-- exist; a shot with none of them goes.
DELETE FROM `shot_takes`
WHERE NOT EXISTS (SELECT 1 FROM `jobs` WHERE `jobs`.`id` = `shot_takes`.`job_id`)
   OR NOT EXISTS (SELECT 1 FROM `shots` WHERE `shots`.`id` = `shot_takes`.`shot_id`);
--> statement-breakpoint
INSERT INTO `shot_takes` (`shot_id`, `job_id`, `added_at`)
SELECT DISTINCT `known`.`shot_id`, `known`.`job_id`, `jobs`.`created_at`
FROM (
  SELECT `id` AS `shot_id`, `picked_job_id` AS `job_id` FROM `shots`
  UNION
  SELECT `shot_key`, `picked_job_id` FROM `review_feedback`
) AS `known`
JOIN `shots` ON `shots`.`id` = `known`.`shot_id`
JOIN `jobs` ON `jobs`.`id` = `known`.`job_id`
WHERE NOT EXISTS (SELECT 1 FROM `shot_takes` WHERE `shot_takes`.`shot_id` = `known`.`shot_id`);
--> statement-breakpoint
DELETE FROM `shots` WHERE NOT EXISTS (SELECT 1 FROM `shot_takes` WHERE `shot_takes`.`shot_id` = `shots`.`id`);
