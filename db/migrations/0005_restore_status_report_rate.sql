ALTER TABLE `comments` ADD `previous_status` text;--> statement-breakpoint
CREATE INDEX `comment_reports_ip_created_idx` ON `comment_reports` (`ip`,`created_at`);--> statement-breakpoint
-- Comments already in Spam or Trash keep the status their last log entry says they came from.
UPDATE `comments` SET `previous_status` = (
  SELECT json_extract(`moderation_log`.`before`, '$.status') FROM `moderation_log`
  WHERE `moderation_log`.`target_type` = 'comment' AND `moderation_log`.`target_id` = `comments`.`id`
    AND `moderation_log`.`action` = 'comment.' || `comments`.`status`
  ORDER BY `moderation_log`.`id` DESC LIMIT 1
) WHERE `status` IN ('spam', 'trash');
