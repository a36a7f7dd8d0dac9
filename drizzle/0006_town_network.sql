CREATE TABLE `write_receipts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`key` text NOT NULL,
	`method` text NOT NULL,
	`body_hash` text NOT NULL,
	`result` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `write_receipts_key` ON `write_receipts` (`account_id`,`key`);--> statement-breakpoint
CREATE INDEX `write_receipts_at` ON `write_receipts` (`at`);--> statement-breakpoint
ALTER TABLE `audit_events` ADD `seat` text;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `address` text;