CREATE TABLE `accountability_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`issue_id` integer,
	`kind` text NOT NULL,
	`note` text NOT NULL,
	`at` text NOT NULL,
	`by` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `accountability_unit` ON `accountability_records` (`unit_id`,`at`);--> statement-breakpoint
CREATE TABLE `issue_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `issue_categories_name_unique` ON `issue_categories` (`name`);--> statement-breakpoint
CREATE TABLE `issue_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`issue_id` integer NOT NULL,
	`at` text NOT NULL,
	`action` text NOT NULL,
	`from_unit_id` integer,
	`to_unit_id` integer,
	`actor` text NOT NULL,
	`note` text,
	`due_at` text,
	`status_before` text,
	`status_after` text NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `issue_events_issue` ON `issue_events` (`issue_id`,`id`);--> statement-breakpoint
CREATE INDEX `issue_events_action` ON `issue_events` (`action`,`at`);--> statement-breakpoint
CREATE TABLE `issue_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`issue_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`mime_type` text NOT NULL,
	`file_name` text NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `issue_photos_hash` ON `issue_photos` (`issue_id`,`sha256`);--> statement-breakpoint
CREATE TABLE `issues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`category` text NOT NULL,
	`urgency` text NOT NULL,
	`source` text NOT NULL,
	`reporter_name` text,
	`reporter_phone` text,
	`lon` real,
	`lat` real,
	`address` text,
	`village_unit_id` integer NOT NULL,
	`tier1_grid_id` integer,
	`tier2_grid_id` integer,
	`tier3_grid_id` integer,
	`status` text NOT NULL,
	`holder_unit_id` integer NOT NULL,
	`sender_unit_id` integer,
	`dispatcher_unit_id` integer,
	`stage` text,
	`due_at` text,
	`warn_at` text,
	`suspended_at` text,
	`suspended_from` text,
	`supervised` integer DEFAULT 0 NOT NULL,
	`escalations` integer DEFAULT 0 NOT NULL,
	`extension_request` text,
	`co_handlers` text DEFAULT '[]' NOT NULL,
	`merged_into` integer,
	`created_at` text NOT NULL,
	`created_by_unit_id` integer,
	`closed_at` text,
	`closed_level` integer,
	`closed_on_time` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`village_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tier1_grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tier2_grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tier3_grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`holder_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sender_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dispatcher_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `issues_code` ON `issues` (`code`);--> statement-breakpoint
CREATE INDEX `issues_created` ON `issues` (`created_at`);--> statement-breakpoint
CREATE INDEX `issues_status` ON `issues` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `issues_holder` ON `issues` (`holder_unit_id`,`status`);--> statement-breakpoint
CREATE INDEX `issues_category` ON `issues` (`category`,`created_at`);--> statement-breakpoint
CREATE INDEX `issues_village` ON `issues` (`village_unit_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `issues_due` ON `issues` (`due_at`);--> statement-breakpoint
CREATE INDEX `issues_closed` ON `issues` (`closed_at`);--> statement-breakpoint
CREATE INDEX `issues_tier3` ON `issues` (`tier3_grid_id`);--> statement-breakpoint
CREATE TABLE `routing_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`category` text NOT NULL,
	`urgency` text NOT NULL,
	`default_level` integer NOT NULL,
	`skip_allowed` integer DEFAULT false NOT NULL,
	`accept_hours` real NOT NULL,
	`handle_hours` real NOT NULL,
	`verify_hours` real NOT NULL,
	`warn_percent` integer DEFAULT 75 NOT NULL,
	CONSTRAINT "routing_rules_level" CHECK("routing_rules"."default_level" between 1 and 4)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `routing_rules_key` ON `routing_rules` (`category`,`urgency`);--> statement-breakpoint
CREATE TRIGGER `issue_events_append_only_update` BEFORE UPDATE ON `issue_events` BEGIN SELECT RAISE(ABORT, '流转记录只能追加，不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `issue_events_append_only_delete` BEFORE DELETE ON `issue_events` BEGIN SELECT RAISE(ABORT, '流转记录只能追加，不能删除'); END;
