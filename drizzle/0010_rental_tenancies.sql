CREATE TABLE `rental_tenancies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`building_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`since` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`building_id`) REFERENCES `rental_buildings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rental_tenancies_household` ON `rental_tenancies` (`household_id`);--> statement-breakpoint
CREATE INDEX `rental_tenancies_building` ON `rental_tenancies` (`building_id`);