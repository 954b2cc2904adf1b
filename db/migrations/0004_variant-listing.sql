ALTER TABLE `variants` ADD `title` text;--> statement-breakpoint
ALTER TABLE `variants` ADD `latest_version` integer;--> statement-breakpoint
ALTER TABLE `variants` ADD `updated_at` text;--> statement-breakpoint
ALTER TABLE `variants` ADD `summary` text;--> statement-breakpoint
ALTER TABLE `variants` ADD `summary_model` text;--> statement-breakpoint
CREATE INDEX `variants_updated_idx` ON `variants` (`updated_at`,`id`);--> statement-breakpoint
-- Backfill (hand-written): each existing variant's latest version. The headline figures need the engine, so
-- `summary` stays null here; the server computes and stores a missing one when the library lists it (decision 014).
UPDATE `variants` SET
	`latest_version` = (SELECT max(`version`) FROM `variant_versions` v WHERE v.`variant_id` = `variants`.`id`),
	`title` = (SELECT json_extract(v.`definition`, '$.title') FROM `variant_versions` v WHERE v.`variant_id` = `variants`.`id` ORDER BY v.`version` DESC LIMIT 1),
	`updated_at` = (SELECT v.`created_at` FROM `variant_versions` v WHERE v.`variant_id` = `variants`.`id` ORDER BY v.`version` DESC LIMIT 1);
