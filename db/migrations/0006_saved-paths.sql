CREATE TABLE `saved_path_versions` (
	`path_id` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`author` text,
	`note` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`path_id`, `version`),
	FOREIGN KEY (`path_id`) REFERENCES `saved_paths`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `saved_paths` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`title` text NOT NULL,
	`latest_version` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `saved_paths_updated_idx` ON `saved_paths` (`updated_at`,`id`);--> statement-breakpoint
-- Versions are immutable, as a variant's (decision 006): the database refuses an update or a delete too.
CREATE TRIGGER `saved_path_versions_no_update` BEFORE UPDATE ON `saved_path_versions`
BEGIN
	SELECT RAISE(ABORT, 'saved path versions are immutable: save a new version instead');
END;
--> statement-breakpoint
CREATE TRIGGER `saved_path_versions_no_delete` BEFORE DELETE ON `saved_path_versions`
BEGIN
	SELECT RAISE(ABORT, 'saved path versions are immutable: they are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `saved_paths_no_delete` BEFORE DELETE ON `saved_paths`
BEGIN
	SELECT RAISE(ABORT, 'saved paths are never deleted');
END;
