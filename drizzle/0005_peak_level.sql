ALTER TABLE `issues` ADD `peak_level` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- The peak of the issues already in the store: the highest level their hand-offs reached.
UPDATE `issues` SET `peak_level` = coalesce((
  SELECT max(CASE u.kind WHEN 'village' THEN 1 WHEN 'office' THEN 2 WHEN 'district' THEN 4 ELSE 3 END)
  FROM `issue_events` e JOIN `units` u ON u.id = e.to_unit_id
  WHERE e.issue_id = `issues`.`id` AND e.action IN ('create', 'escalate', 'dispatch', 'return')
), 1);
