CREATE TABLE `cache_tag_expirations` (
	`tag` text PRIMARY KEY NOT NULL,
	`stale_at` integer NOT NULL,
	`expired_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cache_tag_expirations_stale_idx` ON `cache_tag_expirations` (`stale_at`);