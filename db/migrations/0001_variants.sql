CREATE TABLE `variant_versions` (
	`variant_id` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`author` text,
	`note` text,
	`created_at` text NOT NULL,
	`restored_from` integer,
	PRIMARY KEY(`variant_id`, `version`),
	FOREIGN KEY (`variant_id`) REFERENCES `variants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `variants` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`forked_from` text
);
