CREATE TABLE `facts` (
	`id` text PRIMARY KEY NOT NULL,
	`topic` text NOT NULL,
	`date` text NOT NULL,
	`text` text NOT NULL,
	`figures` text NOT NULL,
	`source_keys` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `seed_info` (
	`id` integer PRIMARY KEY NOT NULL,
	`fingerprint` text NOT NULL,
	`seeded_at` text NOT NULL
);
