CREATE TABLE `assumptions` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`value` real NOT NULL,
	`low` real NOT NULL,
	`high` real NOT NULL,
	`unit` text NOT NULL,
	`rationale` text NOT NULL,
	`source_keys` text NOT NULL,
	`used_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `credit_books` (
	`unit_id` text PRIMARY KEY NOT NULL,
	`balance` real NOT NULL,
	`own_share` real NOT NULL,
	`take_rate` real NOT NULL,
	`risk_weight` real NOT NULL,
	`loss_rate` real NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `data_flows` (
	`id` text PRIMARY KEY NOT NULL,
	`from_unit` text NOT NULL,
	`to_unit` text NOT NULL,
	`category` text NOT NULL,
	`dependence` real NOT NULL,
	FOREIGN KEY (`from_unit`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_unit`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `funds` (
	`unit_id` text PRIMARY KEY NOT NULL,
	`aum` real NOT NULL,
	`fee_rate` real NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `group_figures` (
	`id` integer PRIMARY KEY NOT NULL,
	`revenue` real NOT NULL,
	`net_profit` real NOT NULL,
	`paid_in_capital` real NOT NULL,
	`as_of` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `market_players` (
	`market_id` text NOT NULL,
	`player_id` text NOT NULL,
	`name` text NOT NULL,
	`share` real NOT NULL,
	`unit_ids` text NOT NULL,
	`fragmented` integer NOT NULL,
	PRIMARY KEY(`market_id`, `player_id`),
	FOREIGN KEY (`market_id`) REFERENCES `markets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `markets` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`measure` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `provenance` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`source_keys` text NOT NULL,
	`assumption_id` text,
	`note` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`, `field`),
	FOREIGN KEY (`assumption_id`) REFERENCES `assumptions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `regulatory_parameters` (
	`id` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`value` real NOT NULL,
	`unit` text NOT NULL,
	`in_force_at_baseline` integer NOT NULL,
	`source_keys` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `service_entry_points` (
	`service_id` text NOT NULL,
	`entry_point` text NOT NULL,
	`traffic_share` real NOT NULL,
	PRIMARY KEY(`service_id`, `entry_point`),
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `service_units` (
	`service_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`revenue_share` real NOT NULL,
	PRIMARY KEY(`service_id`, `unit_id`),
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`users` real NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sources` (
	`key` text PRIMARY KEY NOT NULL,
	`citation` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`segment` text NOT NULL,
	`description` text NOT NULL,
	`licence` text NOT NULL,
	`ant_stake` real NOT NULL,
	`consolidated` integer NOT NULL,
	`revenue` real NOT NULL,
	`capital_held` real NOT NULL,
	`coverage_elasticity` text NOT NULL,
	FOREIGN KEY (`coverage_elasticity`) REFERENCES `assumptions`(`id`) ON UPDATE no action ON DELETE no action
);
