CREATE TABLE `post_member_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`claimed_on` text NOT NULL,
	`ended_on` text,
	FOREIGN KEY (`post_id`) REFERENCES `volunteer_posts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `post_member_claims_unique` ON `post_member_claims` (`post_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `post_member_claims_person` ON `post_member_claims` (`person_id`);--> statement-breakpoint
CREATE TABLE `post_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` integer NOT NULL,
	`year` integer NOT NULL,
	`rating` text NOT NULL,
	`note` text,
	`reviewed_on` text NOT NULL,
	`reviewed_by` text NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `post_member_claims`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `post_reviews_year` ON `post_reviews` (`claim_id`,`year`);--> statement-breakpoint
CREATE TABLE `area_heads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`village_unit_id` integer NOT NULL,
	`tier3_grid_id` integer,
	`role` text NOT NULL,
	`area` text NOT NULL,
	`appointed_on` text NOT NULL,
	`ended_on` text,
	`sample` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tier3_grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "area_heads_days" CHECK("area_heads"."ended_on" is null or "area_heads"."ended_on" >= "area_heads"."appointed_on")
);
--> statement-breakpoint
CREATE INDEX `area_heads_grid` ON `area_heads` (`tier3_grid_id`,`ended_on`);--> statement-breakpoint
CREATE INDEX `area_heads_village` ON `area_heads` (`village_unit_id`,`role`);--> statement-breakpoint
CREATE INDEX `area_heads_person` ON `area_heads` (`person_id`);--> statement-breakpoint
CREATE TABLE `head_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`head_id` integer NOT NULL,
	`village_unit_id` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`title` text NOT NULL,
	`issue_id` integer,
	`parties` text,
	`outcome` text,
	`volunteers` integer DEFAULT 0 NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	FOREIGN KEY (`head_id`) REFERENCES `area_heads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "head_records_volunteers" CHECK("head_records"."volunteers" >= 0)
);
--> statement-breakpoint
CREATE INDEX `head_records_figures` ON `head_records` (`village_unit_id`,`kind`,`date`,`outcome`,`volunteers`);--> statement-breakpoint
CREATE INDEX `head_records_head` ON `head_records` (`head_id`,`date`);--> statement-breakpoint
CREATE INDEX `head_records_issue` ON `head_records` (`issue_id`);--> statement-breakpoint
ALTER TABLE `volunteer_posts` ADD `audience` text DEFAULT '报到党员' NOT NULL;