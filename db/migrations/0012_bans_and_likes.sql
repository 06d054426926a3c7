CREATE TABLE `comment_bans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	`reason` text NOT NULL,
	`expires_at` integer,
	`created_by_id` integer,
	`created_by_name` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `comment_bans_kind_value_idx` ON `comment_bans` (`kind`,`value`);--> statement-breakpoint
CREATE INDEX `comment_bans_expires_idx` ON `comment_bans` (`expires_at`);--> statement-breakpoint
CREATE TABLE `comment_likes` (
	`comment_id` integer NOT NULL,
	`liker` text NOT NULL,
	`ip` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`comment_id`, `liker`),
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `comment_likes_ip_created_idx` ON `comment_likes` (`ip`,`created_at`);--> statement-breakpoint
CREATE INDEX `comment_likes_liker_created_idx` ON `comment_likes` (`liker`,`created_at`);--> statement-breakpoint
ALTER TABLE `comments` ADD `like_count` integer DEFAULT 0 NOT NULL;