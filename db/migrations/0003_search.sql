-- Site search: an FTS5 index of published stories (headline, standfirst, body, author's name).
-- The index keeps no copy of the text: its content is this view (published rows only), read back
-- for snippets. The triggers below keep the index in step with every write to articles and authors;
-- an external-content 'delete' must be given exactly the values that were indexed, which they do.
CREATE VIEW `articles_search_source` AS
SELECT `articles`.`id` AS `id`, `articles`.`headline` AS `headline`, `articles`.`standfirst` AS `standfirst`,
  `articles`.`body` AS `body`, `authors`.`name` AS `author_name`
FROM `articles` JOIN `authors` ON `authors`.`id` = `articles`.`author_id`
WHERE `articles`.`status` = 'published';
--> statement-breakpoint
CREATE VIRTUAL TABLE `articles_fts` USING fts5(
  headline, standfirst, body, author_name,
  content = 'articles_search_source', content_rowid = 'id',
  tokenize = 'porter unicode61'
);
--> statement-breakpoint
INSERT INTO `articles_fts` (`articles_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `articles_fts_insert` AFTER INSERT ON `articles` WHEN new.`status` = 'published' BEGIN
  INSERT INTO `articles_fts` (rowid, `headline`, `standfirst`, `body`, `author_name`)
  VALUES (new.`id`, new.`headline`, new.`standfirst`, new.`body`, (SELECT `name` FROM `authors` WHERE `id` = new.`author_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_delete` AFTER DELETE ON `articles` WHEN old.`status` = 'published' BEGIN
  INSERT INTO `articles_fts` (`articles_fts`, rowid, `headline`, `standfirst`, `body`, `author_name`)
  VALUES ('delete', old.`id`, old.`headline`, old.`standfirst`, old.`body`, (SELECT `name` FROM `authors` WHERE `id` = old.`author_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_update` AFTER UPDATE OF `id`, `headline`, `standfirst`, `body`, `status`, `author_id` ON `articles` BEGIN
  INSERT INTO `articles_fts` (`articles_fts`, rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT 'delete', old.`id`, old.`headline`, old.`standfirst`, old.`body`, (SELECT `name` FROM `authors` WHERE `id` = old.`author_id`)
  WHERE old.`status` = 'published';
  INSERT INTO `articles_fts` (rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT new.`id`, new.`headline`, new.`standfirst`, new.`body`, (SELECT `name` FROM `authors` WHERE `id` = new.`author_id`)
  WHERE new.`status` = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER `authors_fts_rename` AFTER UPDATE OF `name` ON `authors` WHEN old.`name` IS NOT new.`name` BEGIN
  INSERT INTO `articles_fts` (`articles_fts`, rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT 'delete', `id`, `headline`, `standfirst`, `body`, old.`name` FROM `articles`
  WHERE `author_id` = old.`id` AND `status` = 'published';
  INSERT INTO `articles_fts` (rowid, `headline`, `standfirst`, `body`, `author_name`)
  SELECT `id`, `headline`, `standfirst`, `body`, new.`name` FROM `articles`
  WHERE `author_id` = new.`id` AND `status` = 'published';
END;
