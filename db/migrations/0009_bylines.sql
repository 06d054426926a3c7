-- Several bylines on a story: `article_authors` replaces `articles.author_id` (its rows are copied
-- first, each story keeping its one byline); a byline may have a photo, and keeps its former addresses.
--
-- Search indexed one author's name through a view; with several bylines it indexes their names
-- joined, from `articles_search`: a copy of what the index holds for each published story, kept by
-- the triggers below, so that an external-content 'delete' is always given exactly the values that
-- were indexed, whichever of articles, article_authors or authors changed. Every trigger does the
-- same four steps for the stories concerned: take the indexed row out, drop its copy, copy the story
-- again if it is published, index the copy.
--
-- db/migrate.ts turns foreign keys off around the migrations (outside their transaction, where
-- SQLite allows it) and checks them after: the PRAGMA lines below, which drizzle-kit writes, cannot
-- do so inside it, and rebuilding `articles` with them on would delete every comment.
DROP TRIGGER `articles_fts_insert`;--> statement-breakpoint
DROP TRIGGER `articles_fts_delete`;--> statement-breakpoint
DROP TRIGGER `articles_fts_update`;--> statement-breakpoint
DROP TRIGGER `authors_fts_rename`;--> statement-breakpoint
DROP TABLE `articles_fts`;--> statement-breakpoint
DROP VIEW `articles_search_source`;--> statement-breakpoint
CREATE TABLE `article_authors` (
	`article_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`article_id`, `author_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `article_authors_author_idx` ON `article_authors` (`author_id`,`article_id`);--> statement-breakpoint
INSERT INTO `article_authors` (`article_id`, `author_id`, `position`) SELECT `id`, `author_id`, 0 FROM `articles`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`section_id` integer NOT NULL,
	`headline` text NOT NULL,
	`standfirst` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`featured` integer DEFAULT false NOT NULL,
	`comments_open` integer DEFAULT true NOT NULL,
	`published_at` integer,
	`updated_at` integer,
	`photo_src` text,
	`photo_width` integer,
	`photo_height` integer,
	`photo_alt` text,
	`photo_caption` text,
	`photo_credit` text,
	`updated_by` integer,
	FOREIGN KEY (`section_id`) REFERENCES `sections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_articles`("id", "slug", "section_id", "headline", "standfirst", "body", "status", "featured", "comments_open", "published_at", "updated_at", "photo_src", "photo_width", "photo_height", "photo_alt", "photo_caption", "photo_credit", "updated_by") SELECT "id", "slug", "section_id", "headline", "standfirst", "body", "status", "featured", "comments_open", "published_at", "updated_at", "photo_src", "photo_width", "photo_height", "photo_alt", "photo_caption", "photo_credit", "updated_by" FROM `articles`;--> statement-breakpoint
DROP TABLE `articles`;--> statement-breakpoint
ALTER TABLE `__new_articles` RENAME TO `articles`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `articles_slug_unique` ON `articles` (`slug`);--> statement-breakpoint
CREATE INDEX `articles_status_published_idx` ON `articles` (`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `articles_section_status_published_idx` ON `articles` (`section_id`,`status`,`published_at`);--> statement-breakpoint
ALTER TABLE `authors` ADD `photo_src` text;--> statement-breakpoint
CREATE TABLE `articles_search` (
	`id` integer PRIMARY KEY NOT NULL,
	`headline` text NOT NULL,
	`standfirst` text NOT NULL,
	`body` text NOT NULL,
	`author_name` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `articles_search` (`id`, `headline`, `standfirst`, `body`, `author_name`)
SELECT `id`, `headline`, `standfirst`, `body`, coalesce((SELECT group_concat(`authors`.`name`, ', ' ORDER BY `article_authors`.`position`, `article_authors`.`author_id`) FROM `article_authors` JOIN `authors` ON `authors`.`id` = `article_authors`.`author_id` WHERE `article_authors`.`article_id` = `articles`.`id`), '')
FROM `articles` WHERE `status` = 'published';
--> statement-breakpoint
CREATE VIRTUAL TABLE `articles_fts` USING fts5(
  headline, standfirst, body, author_name,
  content = 'articles_search', content_rowid = 'id',
  tokenize = 'porter unicode61'
);
--> statement-breakpoint
INSERT INTO `articles_fts` (`articles_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `articles_fts_insert` AFTER INSERT ON `articles` WHEN new.`status` = 'published' BEGIN
  INSERT INTO `articles_fts` (`articles_fts`, rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT 'delete', `id`, `headline`, `standfirst`, `body`, `author_name` FROM `articles_search` WHERE `id` IN (new.`id`);
  DELETE FROM `articles_search` WHERE `id` IN (new.`id`);
  INSERT INTO `articles_search` (`id`, `headline`, `standfirst`, `body`, `author_name`)
  SELECT `id`, `headline`, `standfirst`, `body`, coalesce((SELECT group_concat(`authors`.`name`, ', ' ORDER BY `article_authors`.`position`, `article_authors`.`author_id`) FROM `article_authors` JOIN `authors` ON `authors`.`id` = `article_authors`.`author_id` WHERE `article_authors`.`article_id` = `articles`.`id`), '')
  FROM `articles` WHERE `id` IN (new.`id`) AND `status` = 'published';
  INSERT INTO `articles_fts` (rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT `id`, `headline`, `standfirst`, `body`, `author_name` FROM `articles_search` WHERE `id` IN (new.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_update` AFTER UPDATE OF `headline`, `standfirst`, `body`, `status` ON `articles`
WHEN old.`status` = 'published' OR new.`status` = 'published' BEGIN
  INSERT INTO `articles_fts` (`articles_fts`, rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT 'delete', `id`, `headline`, `standfirst`, `body`, `author_name` FROM `articles_search` WHERE `id` IN (old.`id`, new.`id`);
  DELETE FROM `articles_search` WHERE `id` IN (old.`id`, new.`id`);
  INSERT INTO `articles_search` (`id`, `headline`, `standfirst`, `body`, `author_name`)
  SELECT `id`, `headline`, `standfirst`, `body`, coalesce((SELECT group_concat(`authors`.`name`, ', ' ORDER BY `article_authors`.`position`, `article_authors`.`author_id`) FROM `article_authors` JOIN `authors` ON `authors`.`id` = `article_authors`.`author_id` WHERE `article_authors`.`article_id` = `articles`.`id`), '')
  FROM `articles` WHERE `id` IN (old.`id`, new.`id`) AND `status` = 'published';
  INSERT INTO `articles_fts` (rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT `id`, `headline`, `standfirst`, `body`, `author_name` FROM `articles_search` WHERE `id` IN (old.`id`, new.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_delete` AFTER DELETE ON `articles` WHEN old.`status` = 'published' BEGIN
  INSERT INTO `articles_fts` (`articles_fts`, rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT 'delete', `id`, `headline`, `standfirst`, `body`, `author_name` FROM `articles_search` WHERE `id` IN (old.`id`);
  DELETE FROM `articles_search` WHERE `id` IN (old.`id`);
  INSERT INTO `articles_search` (`id`, `headline`, `standfirst`, `body`, `author_name`)
  SELECT `id`, `headline`, `standfirst`, `body`, coalesce((SELECT group_concat(`authors`.`name`, ', ' ORDER BY `article_authors`.`position`, `article_authors`.`author_id`) FROM `article_authors` JOIN `authors` ON `authors`.`id` = `article_authors`.`author_id` WHERE `article_authors`.`article_id` = `articles`.`id`), '')
  FROM `articles` WHERE `id` IN (old.`id`) AND `status` = 'published';
  INSERT INTO `articles_fts` (rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT `id`, `headline`, `standfirst`, `body`, `author_name` FROM `articles_search` WHERE `id` IN (old.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `article_authors_fts_insert` AFTER INSERT ON `article_authors` BEGIN
  INSERT INTO `articles_fts` (`articles_fts`, rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT 'delete', `id`, `headline`, `standfirst`, `body`, `author_name` FROM `articles_search` WHERE `id` IN (new.`article_id`);
  DELETE FROM `articles_search` WHERE `id` IN (new.`article_id`);
  INSERT INTO `articles_search` (`id`, `headline`, `standfirst`, `body`, `author_name`)
  SELECT `id`, `headline`, `standfirst`, `body`, coalesce((SELECT group_concat(`authors`.`name`, ', ' ORDER BY `article_authors`.`position`, `article_authors`.`author_id`) FROM `article_authors` JOIN `authors` ON `authors`.`id` = `article_authors`.`author_id` WHERE `article_authors`.`article_id` = `articles`.`id`), '')
  FROM `articles` WHERE `id` IN (new.`article_id`) AND `status` = 'published';
  INSERT INTO `articles_fts` (rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT `id`, `headline`, `standfirst`, `body`, `author_name` FROM `articles_search` WHERE `id` IN (new.`article_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `article_authors_fts_update` AFTER UPDATE ON `article_authors` BEGIN
  INSERT INTO `articles_fts` (`articles_fts`, rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT 'delete', `id`, `headline`, `standfirst`, `body`, `author_name` FROM `articles_search` WHERE `id` IN (old.`article_id`, new.`article_id`);
  DELETE FROM `articles_search` WHERE `id` IN (old.`article_id`, new.`article_id`);
  INSERT INTO `articles_search` (`id`, `headline`, `standfirst`, `body`, `author_name`)
  SELECT `id`, `headline`, `standfirst`, `body`, coalesce((SELECT group_concat(`authors`.`name`, ', ' ORDER BY `article_authors`.`position`, `article_authors`.`author_id`) FROM `article_authors` JOIN `authors` ON `authors`.`id` = `article_authors`.`author_id` WHERE `article_authors`.`article_id` = `articles`.`id`), '')
  FROM `articles` WHERE `id` IN (old.`article_id`, new.`article_id`) AND `status` = 'published';
  INSERT INTO `articles_fts` (rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT `id`, `headline`, `standfirst`, `body`, `author_name` FROM `articles_search` WHERE `id` IN (old.`article_id`, new.`article_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `article_authors_fts_delete` AFTER DELETE ON `article_authors` BEGIN
  INSERT INTO `articles_fts` (`articles_fts`, rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT 'delete', `id`, `headline`, `standfirst`, `body`, `author_name` FROM `articles_search` WHERE `id` IN (old.`article_id`);
  DELETE FROM `articles_search` WHERE `id` IN (old.`article_id`);
  INSERT INTO `articles_search` (`id`, `headline`, `standfirst`, `body`, `author_name`)
  SELECT `id`, `headline`, `standfirst`, `body`, coalesce((SELECT group_concat(`authors`.`name`, ', ' ORDER BY `article_authors`.`position`, `article_authors`.`author_id`) FROM `article_authors` JOIN `authors` ON `authors`.`id` = `article_authors`.`author_id` WHERE `article_authors`.`article_id` = `articles`.`id`), '')
  FROM `articles` WHERE `id` IN (old.`article_id`) AND `status` = 'published';
  INSERT INTO `articles_fts` (rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT `id`, `headline`, `standfirst`, `body`, `author_name` FROM `articles_search` WHERE `id` IN (old.`article_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `authors_fts_rename` AFTER UPDATE OF `name` ON `authors` WHEN old.`name` IS NOT new.`name` BEGIN
  INSERT INTO `articles_fts` (`articles_fts`, rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT 'delete', `id`, `headline`, `standfirst`, `body`, `author_name` FROM `articles_search` WHERE `id` IN (SELECT `article_id` FROM `article_authors` WHERE `author_id` = new.`id`);
  DELETE FROM `articles_search` WHERE `id` IN (SELECT `article_id` FROM `article_authors` WHERE `author_id` = new.`id`);
  INSERT INTO `articles_search` (`id`, `headline`, `standfirst`, `body`, `author_name`)
  SELECT `id`, `headline`, `standfirst`, `body`, coalesce((SELECT group_concat(`authors`.`name`, ', ' ORDER BY `article_authors`.`position`, `article_authors`.`author_id`) FROM `article_authors` JOIN `authors` ON `authors`.`id` = `article_authors`.`author_id` WHERE `article_authors`.`article_id` = `articles`.`id`), '')
  FROM `articles` WHERE `id` IN (SELECT `article_id` FROM `article_authors` WHERE `author_id` = new.`id`) AND `status` = 'published';
  INSERT INTO `articles_fts` (rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT `id`, `headline`, `standfirst`, `body`, `author_name` FROM `articles_search` WHERE `id` IN (SELECT `article_id` FROM `article_authors` WHERE `author_id` = new.`id`);
END;
--> statement-breakpoint
CREATE TABLE `author_redirects` (
	`slug` text PRIMARY KEY NOT NULL,
	`author_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `authors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `author_redirects_author_idx` ON `author_redirects` (`author_id`);
