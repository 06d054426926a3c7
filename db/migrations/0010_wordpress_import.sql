CREATE TABLE `wordpress_comments` (
	`site_id` integer NOT NULL,
	`wp_id` integer NOT NULL,
	`comment_id` integer NOT NULL,
	`source_hash` text NOT NULL,
	PRIMARY KEY(`site_id`, `wp_id`),
	FOREIGN KEY (`site_id`) REFERENCES `wordpress_sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wordpress_comments_comment_idx` ON `wordpress_comments` (`comment_id`);--> statement-breakpoint
CREATE TABLE `wordpress_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`file_path` text NOT NULL,
	`dry_run` integer DEFAULT false NOT NULL,
	`media_from` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`progress` text,
	`summary` text DEFAULT '' NOT NULL,
	`error` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `wordpress_imports_status_idx` ON `wordpress_imports` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `wordpress_posts` (
	`site_id` integer NOT NULL,
	`wp_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`slug` text NOT NULL,
	`path` text NOT NULL,
	`source_hash` text NOT NULL,
	PRIMARY KEY(`site_id`, `wp_id`),
	FOREIGN KEY (`site_id`) REFERENCES `wordpress_sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wordpress_posts_article_idx` ON `wordpress_posts` (`article_id`);--> statement-breakpoint
CREATE INDEX `wordpress_posts_wp_id_idx` ON `wordpress_posts` (`wp_id`);--> statement-breakpoint
CREATE INDEX `wordpress_posts_slug_idx` ON `wordpress_posts` (`slug`);--> statement-breakpoint
CREATE INDEX `wordpress_posts_path_idx` ON `wordpress_posts` (`path`);--> statement-breakpoint
CREATE TABLE `wordpress_sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`base_url` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wordpress_sites_base_url_unique` ON `wordpress_sites` (`base_url`);--> statement-breakpoint
CREATE TABLE `wordpress_terms` (
	`site_id` integer NOT NULL,
	`taxonomy` text NOT NULL,
	`slug` text NOT NULL,
	`wp_id` integer,
	`section_id` integer,
	`tag_id` integer,
	`author_id` integer,
	PRIMARY KEY(`site_id`, `taxonomy`, `slug`),
	FOREIGN KEY (`site_id`) REFERENCES `wordpress_sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `wordpress_terms_slug_idx` ON `wordpress_terms` (`taxonomy`,`slug`);--> statement-breakpoint
CREATE INDEX `wordpress_terms_wp_id_idx` ON `wordpress_terms` (`taxonomy`,`wp_id`);--> statement-breakpoint
ALTER TABLE `comments` ADD `byline_id` integer REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE set null;