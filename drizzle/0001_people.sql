CREATE TABLE `households` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`members` integer DEFAULT 1 NOT NULL,
	`village_unit_id` integer NOT NULL,
	`grid_id` integer,
	`contact_person_id` integer,
	`last_visit_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`village_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `households_code` ON `households` (`code`);--> statement-breakpoint
CREATE INDEX `households_village` ON `households` (`village_unit_id`,`kind`);--> statement-breakpoint
CREATE INDEX `households_grid` ON `households` (`grid_id`);--> statement-breakpoint
CREATE INDEX `households_contact` ON `households` (`contact_person_id`);--> statement-breakpoint
CREATE INDEX `households_name` ON `households` (`name`);--> statement-breakpoint
CREATE TABLE `persons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`gender` text,
	`id_number` text,
	`id_tail` text,
	`phone` text,
	`phone_tail` text,
	`hukou` text NOT NULL,
	`is_party_member` integer DEFAULT false NOT NULL,
	`party_registration` text,
	`party_branch` text,
	`home_address` text,
	`home_lon` real,
	`home_lat` real,
	`village_unit_id` integer,
	`home_grid_id` integer,
	`work_unit` text,
	`specialties` text,
	`note` text,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`village_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`home_grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `persons_name` ON `persons` (`name`);--> statement-breakpoint
CREATE INDEX `persons_hukou` ON `persons` (`hukou`,`name`);--> statement-breakpoint
CREATE INDEX `persons_id_number` ON `persons` (`id_number`);--> statement-breakpoint
CREATE INDEX `persons_id_tail` ON `persons` (`id_tail`);--> statement-breakpoint
CREATE INDEX `persons_phone_tail` ON `persons` (`phone_tail`);--> statement-breakpoint
CREATE INDEX `persons_village` ON `persons` (`village_unit_id`,`name`);--> statement-breakpoint
CREATE INDEX `persons_party` ON `persons` (`is_party_member`,`village_unit_id`);--> statement-breakpoint
CREATE INDEX `persons_home_grid` ON `persons` (`home_grid_id`,`party_registration`);--> statement-breakpoint
CREATE TABLE `post_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`reporting_member_id` integer NOT NULL,
	`claimed_at` text NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `volunteer_posts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reporting_member_id`) REFERENCES `reporting_members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `post_claims_unique` ON `post_claims` (`post_id`,`reporting_member_id`);--> statement-breakpoint
CREATE INDEX `post_claims_member` ON `post_claims` (`reporting_member_id`);--> statement-breakpoint
CREATE TABLE `reporting_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`village_unit_id` integer NOT NULL,
	`reported_at` text NOT NULL,
	`services_claimed` text,
	`volunteer_wishes` text,
	`project_wishes` text,
	`group_grid_id` integer,
	`placed_at` text,
	`placement` text,
	`placement_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_grid_id`) REFERENCES `grids`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reporting_members_person` ON `reporting_members` (`person_id`);--> statement-breakpoint
CREATE INDEX `reporting_members_village` ON `reporting_members` (`village_unit_id`,`group_grid_id`);--> statement-breakpoint
CREATE INDEX `reporting_members_group` ON `reporting_members` (`group_grid_id`);--> statement-breakpoint
CREATE TABLE `reserve_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`unit` text NOT NULL,
	`specialty` text,
	`village_unit_id` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reserve_contacts_person` ON `reserve_contacts` (`person_id`);--> statement-breakpoint
CREATE INDEX `reserve_contacts_village` ON `reserve_contacts` (`village_unit_id`,`specialty`);--> statement-breakpoint
CREATE TABLE `reserve_notice_recipients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notice_id` integer NOT NULL,
	`reserve_contact_id` integer NOT NULL,
	`answer` text DEFAULT '未回复' NOT NULL,
	`participated` integer DEFAULT false NOT NULL,
	`note` text,
	FOREIGN KEY (`notice_id`) REFERENCES `reserve_notices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reserve_contact_id`) REFERENCES `reserve_contacts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reserve_notice_recipients_unique` ON `reserve_notice_recipients` (`notice_id`,`reserve_contact_id`);--> statement-breakpoint
CREATE INDEX `reserve_notice_recipients_contact` ON `reserve_notice_recipients` (`reserve_contact_id`);--> statement-breakpoint
CREATE TABLE `reserve_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`village_unit_id` integer,
	`subject` text NOT NULL,
	`content` text NOT NULL,
	`specialty` text,
	`sent_at` text NOT NULL,
	`sent_by` text NOT NULL,
	FOREIGN KEY (`village_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `resident_teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`village_unit_id` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`village_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `resident_teams_village` ON `resident_teams` (`village_unit_id`);--> statement-breakpoint
CREATE TABLE `service_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reporting_member_id` integer NOT NULL,
	`date` text NOT NULL,
	`activity` text NOT NULL,
	`hours` real NOT NULL,
	`households_visited` integer DEFAULT 0 NOT NULL,
	`note` text,
	FOREIGN KEY (`reporting_member_id`) REFERENCES `reporting_members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_records_member` ON `service_records` (`reporting_member_id`,`date`);--> statement-breakpoint
CREATE TABLE `team_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`role` text NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `resident_teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `team_members_unique` ON `team_members` (`team_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `team_members_person` ON `team_members` (`person_id`);--> statement-breakpoint
CREATE TABLE `unmask_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`person_id` integer NOT NULL,
	`reason` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `unmask_log_person` ON `unmask_log` (`person_id`);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`village_unit_id` integer NOT NULL,
	`household_id` integer,
	`visitor_kind` text NOT NULL,
	`team_id` integer,
	`visitor_person_id` integer,
	`person_times` integer DEFAULT 1 NOT NULL,
	`notes` text,
	`problem_found` text,
	FOREIGN KEY (`village_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `resident_teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visitor_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "visits_household_required" CHECK("visits"."kind" <> '入户走访' or "visits"."household_id" is not null),
	CONSTRAINT "visits_person_times" CHECK("visits"."person_times" >= 1)
);
--> statement-breakpoint
CREATE INDEX `visits_village_date` ON `visits` (`village_unit_id`,`date`);--> statement-breakpoint
CREATE INDEX `visits_household` ON `visits` (`household_id`,`date`);--> statement-breakpoint
CREATE INDEX `visits_visitor` ON `visits` (`visitor_person_id`);--> statement-breakpoint
CREATE INDEX `visits_team` ON `visits` (`team_id`);--> statement-breakpoint
CREATE TABLE `volunteer_posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`village_unit_id` integer NOT NULL,
	`name` text NOT NULL,
	`capacity` integer NOT NULL,
	`description` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`village_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `volunteer_posts_village` ON `volunteer_posts` (`village_unit_id`);