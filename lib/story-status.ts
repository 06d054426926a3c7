/**
 * A story's life on the desk: written (draft), submitted by its author (review), set to appear at
 * its publishedAt (scheduled), public (published), taken down (unpublished). Readers see only
 * published stories. The schema's `articles.status` column takes these.
 */
export const articleStatuses = ['draft', 'review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const storyStatusNames: Record<ArticleStatus, string> = {
  draft: 'Draft',
  review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};
