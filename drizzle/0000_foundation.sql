CREATE TABLE `app_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `change_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`actor` text NOT NULL,
	`at` text NOT NULL,
	`description` text NOT NULL,
	`undone_by` integer,
	`undoes` integer
);
--> statement-breakpoint
CREATE INDEX `change_batches_at` ON `change_batches` (`at`);--> statement-breakpoint
CREATE TABLE `changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	`summary` text NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `change_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `changes_entity` ON `changes` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `changes_batch` ON `changes` (`batch_id`);--> statement-breakpoint
CREATE TABLE `grids` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tier` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`label` text NOT NULL,
	`kind` text NOT NULL,
	`parent_id` integer,
	`village_unit_id` integer NOT NULL,
	`geometry` text,
	`min_lon` real,
	`min_lat` real,
	`max_lon` real,
	`max_lat` real,
	`label_lon` real,
	`label_lat` real,
	`area_km2` real,
	`party_organisation` text,
	`inspector` text,
	`households` integer DEFAULT 0 NOT NULL,
	`registered_population` integer DEFAULT 0 NOT NULL,
	`non_hukou_population` integer DEFAULT 0 NOT NULL,
	`illustrative` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "grids_tier_range" CHECK("grids"."tier" between 1 and 3),
	CONSTRAINT "grids_counts_nonneg" CHECK("grids"."households" >= 0 and "grids"."registered_population" >= 0 and "grids"."non_hukou_population" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `grids_code` ON `grids` (`code`);--> statement-breakpoint
CREATE INDEX `grids_tier` ON `grids` (`tier`);--> statement-breakpoint
CREATE INDEX `grids_parent` ON `grids` (`parent_id`);--> statement-breakpoint
CREATE INDEX `grids_village` ON `grids` (`village_unit_id`,`tier`);--> statement-breakpoint
CREATE INDEX `grids_name` ON `grids` (`name`);--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`village_type` text,
	`official_name` text,
	`parent_id` integer,
	`illustrative` integer DEFAULT false NOT NULL,
	`geometry` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_code` ON `units` (`code`);--> statement-breakpoint
CREATE INDEX `units_parent` ON `units` (`parent_id`);--> statement-breakpoint
CREATE INDEX `units_kind` ON `units` (`kind`);