CREATE TABLE `short_links` (
	`code` text PRIMARY KEY NOT NULL,
	`target` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `short_links_target_unique` ON `short_links` (`target`);