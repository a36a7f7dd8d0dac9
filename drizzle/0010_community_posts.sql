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
ALTER TABLE `volunteer_posts` ADD `audience` text DEFAULT '报到党员' NOT NULL;