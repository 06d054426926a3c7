DROP INDEX "articles_status_published_idx";--> statement-breakpoint
DROP INDEX "articles_section_status_published_idx";--> statement-breakpoint
CREATE INDEX "articles_status_published_idx" ON "articles" USING btree ("status","published_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "articles_section_status_published_idx" ON "articles" USING btree ("section_id","status","published_at" DESC NULLS LAST);