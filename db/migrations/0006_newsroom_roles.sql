ALTER TABLE `articles` ADD `updated_by` integer REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `users` ADD `author_id` integer REFERENCES authors(id) ON DELETE set null;