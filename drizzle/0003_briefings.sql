CREATE TABLE `briefings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`scope_unit_id` integer,
	`scope_name` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`issued_at` text NOT NULL,
	`issued_by` text NOT NULL,
	`snapshot` text NOT NULL,
	FOREIGN KEY (`scope_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `briefings_number` ON `briefings` (`year`,`number`);--> statement-breakpoint
CREATE INDEX `briefings_issued` ON `briefings` (`issued_at`);--> statement-breakpoint
CREATE TRIGGER `briefings_frozen_update` BEFORE UPDATE ON `briefings` BEGIN SELECT RAISE(ABORT, '已签发的简报不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `briefings_frozen_delete` BEFORE DELETE ON `briefings` BEGIN SELECT RAISE(ABORT, '已签发的简报不能删除'); END;
