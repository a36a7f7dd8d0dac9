CREATE TABLE `fire_hazards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inspection_id` integer NOT NULL,
	`building_id` integer NOT NULL,
	`village_unit_id` integer NOT NULL,
	`kind_id` integer NOT NULL,
	`found_on` text NOT NULL,
	`deadline` text NOT NULL,
	`rectified_on` text,
	`rectified_inspection_id` integer,
	`issue_id` integer,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`inspection_id`) REFERENCES `rental_inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`building_id`) REFERENCES `rental_buildings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kind_id`) REFERENCES `hazard_kinds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rectified_inspection_id`) REFERENCES `rental_inspections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "fire_hazards_days" CHECK("fire_hazards"."deadline" >= "fire_hazards"."found_on" and ("fire_hazards"."rectified_on" is null or "fire_hazards"."rectified_on" >= "fire_hazards"."found_on"))
);
--> statement-breakpoint
CREATE INDEX `fire_hazards_campaign` ON `fire_hazards` (`village_unit_id`,`kind_id`,`found_on`,`rectified_on`,`deadline`);--> statement-breakpoint
CREATE INDEX `fire_hazards_kind` ON `fire_hazards` (`kind_id`,`building_id`,`found_on`,`rectified_on`,`deadline`,`village_unit_id`);--> statement-breakpoint
CREATE INDEX `fire_hazards_found` ON `fire_hazards` (`found_on`);--> statement-breakpoint
CREATE INDEX `fire_hazards_building` ON `fire_hazards` (`building_id`);--> statement-breakpoint
CREATE INDEX `fire_hazards_open` ON `fire_hazards` (`deadline`) WHERE "fire_hazards"."rectified_on" is null;--> statement-breakpoint
CREATE INDEX `fire_hazards_issue` ON `fire_hazards` (`issue_id`);--> statement-breakpoint
CREATE TABLE `hazard_kinds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`counted_by` text DEFAULT '处' NOT NULL,
	`photo_required` integer DEFAULT true NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hazard_kinds_name` ON `hazard_kinds` (`name`);--> statement-breakpoint
CREATE TABLE `hazard_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hazard_id` integer NOT NULL,
	`stage` text NOT NULL,
	`sha256` text NOT NULL,
	`mime_type` text NOT NULL,
	`file_name` text NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`hazard_id`) REFERENCES `fire_hazards`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hazard_photos_hash` ON `hazard_photos` (`hazard_id`,`stage`,`sha256`);--> statement-breakpoint
CREATE TABLE `rental_buildings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`address` text NOT NULL,
	`lon` real,
	`lat` real,
	`village_unit_id` integer NOT NULL,
	`tier3_grid_id` integer,
	`landlord_person_id` integer,
	`use` text NOT NULL,
	`risk_class` text NOT NULL,
	`rental_rooms` integer DEFAULT 1 NOT NULL,
	`tenants` integer DEFAULT 0 NOT NULL,
	`sample` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`village_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tier3_grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`landlord_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "rental_buildings_counts" CHECK("rental_buildings"."rental_rooms" >= 0 and "rental_buildings"."tenants" >= 0)
);
--> statement-breakpoint
CREATE INDEX `rental_buildings_village` ON `rental_buildings` (`village_unit_id`,`risk_class`);--> statement-breakpoint
CREATE INDEX `rental_buildings_tier3` ON `rental_buildings` (`tier3_grid_id`);--> statement-breakpoint
CREATE INDEX `rental_buildings_landlord` ON `rental_buildings` (`landlord_person_id`);--> statement-breakpoint
CREATE TABLE `rental_campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`village_ids` text,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	CONSTRAINT "rental_campaigns_period" CHECK("rental_campaigns"."ends_on" >= "rental_campaigns"."starts_on")
);
--> statement-breakpoint
CREATE TABLE `rental_inspections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`building_id` integer NOT NULL,
	`village_unit_id` integer NOT NULL,
	`kind` text NOT NULL,
	`inspected_on` text NOT NULL,
	`inspector` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`building_id`) REFERENCES `rental_buildings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rental_inspections_building` ON `rental_inspections` (`building_id`,`inspected_on`);--> statement-breakpoint
CREATE INDEX `rental_inspections_village` ON `rental_inspections` (`village_unit_id`,`inspected_on`);