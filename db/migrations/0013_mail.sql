CREATE TABLE `mail_addresses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`token` text NOT NULL,
	`confirmed_at` integer,
	`confirmation_sent_at` integer,
	`blocked_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_addresses_email_unique` ON `mail_addresses` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `mail_addresses_token_unique` ON `mail_addresses` (`token`);--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`address_id` integer,
	`recipient` text,
	`comment_id` integer,
	`article_id` integer,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`locked_until` integer,
	`last_error` text,
	`message_id` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`address_id`) REFERENCES `mail_addresses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_outbox_dedupe_key_unique` ON `mail_outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `mail_outbox_claim_idx` ON `mail_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `mail_outbox_status_sent_idx` ON `mail_outbox` (`status`,`sent_at`);--> statement-breakpoint
CREATE INDEX `mail_outbox_address_idx` ON `mail_outbox` (`address_id`);--> statement-breakpoint
CREATE INDEX `mail_outbox_comment_idx` ON `mail_outbox` (`comment_id`);--> statement-breakpoint
CREATE INDEX `mail_outbox_article_idx` ON `mail_outbox` (`article_id`);--> statement-breakpoint
CREATE TABLE `mail_subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`address_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`comment_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`address_id`) REFERENCES `mail_addresses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`comment_id`) REFERENCES `comments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mail_subscriptions_reply_idx` ON `mail_subscriptions` (`comment_id`,`address_id`) WHERE "mail_subscriptions"."comment_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `mail_subscriptions_story_idx` ON `mail_subscriptions` (`article_id`,`address_id`) WHERE "mail_subscriptions"."comment_id" is null;--> statement-breakpoint
CREATE INDEX `mail_subscriptions_address_idx` ON `mail_subscriptions` (`address_id`);