import { commentSkipNames, itemSkipNames, type CommentSkip, type ItemSkip } from './plan';

/** What an import has done so far (server/wordpress-import.ts counts it; the desk keeps it as JSON). */
export type ImportProgress = {
  site: string;
  bytesRead: number;
  totalBytes: number | null;
  itemsRead: number;
  stories: { new: number; updated: number; unchanged: number };
  comments: { new: number; updated: number; unchanged: number };
  skippedItems: Partial<Record<ItemSkip, number>>;
  skippedComments: Partial<Record<CommentSkip, number>>;
  created: { sections: number; topics: number; bylines: number };
  images: { stored: number; failed: number; notFetched: number };
  /** The first problems worth a person's eye: images that could not be fetched, posts kept off the site. */
  warnings: string[];
  startedAt: number;
  elapsedMs: number;
};

/**
 * An import's progress and summary in words, the same on a terminal (scripts/import-wordpress.ts)
 * and on the desk's Import page.
 */

const number = new Intl.NumberFormat('en-GB');
const n = (value: number) => number.format(value);
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;

export function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Items a second and the time left, from the bytes read against the file's size. */
export function pace(progress: ImportProgress): { perSecond: number; leftMs: number | null; percent: number | null } {
  const seconds = Math.max(progress.elapsedMs / 1000, 0.001);
  const perSecond = progress.itemsRead / seconds;
  if (!progress.totalBytes || progress.bytesRead === 0) return { perSecond, leftMs: null, percent: null };
  const fraction = Math.min(progress.bytesRead / progress.totalBytes, 1);
  return { perSecond, leftMs: (progress.elapsedMs / fraction) * (1 - fraction), percent: Math.floor(fraction * 100) };
}

/** One line, rewritten in place on a terminal as the import goes. */
export function progressLine(progress: ImportProgress): string {
  const { perSecond, leftMs, percent } = pace(progress);
  const stories = progress.stories.new + progress.stories.updated;
  const comments = progress.comments.new + progress.comments.updated;
  return [
    `${plural(progress.itemsRead, 'item')} read${percent === null ? '' : ` (${percent}%)`}`,
    `${plural(stories, 'story', 'stories')} and ${plural(comments, 'comment')} imported`,
    `${n(Math.round(perSecond))} items/s`,
    leftMs === null ? '' : `${duration(leftMs)} left`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The whole result in one line: what the summary of a command not on a terminal is. */
export function summaryLine(progress: ImportProgress, dryRun: boolean): string {
  const verb = dryRun ? 'Would import' : 'Imported';
  const { stories, comments } = progress;
  const skippedItems = Object.values(progress.skippedItems).reduce((a, b) => a + (b ?? 0), 0);
  const skippedComments = Object.values(progress.skippedComments).reduce((a, b) => a + (b ?? 0), 0);
  const parts = [
    `${verb} from ${progress.site || 'the export'}: ${plural(stories.new, 'new story', 'new stories')}, ${n(stories.updated)} updated, ${n(stories.unchanged)} unchanged`,
    `${plural(comments.new, 'new comment')}, ${n(comments.updated)} updated, ${n(comments.unchanged)} unchanged`,
    `${plural(progress.created.sections, 'new section')}, ${plural(progress.created.topics, 'new topic')}, ${plural(progress.created.bylines, 'new byline')}`,
    `skipped ${plural(skippedItems, 'item')} and ${plural(skippedComments, 'comment')}`,
  ];
  if (progress.images.stored + progress.images.failed > 0) parts.push(`${plural(progress.images.stored, 'image')} stored, ${n(progress.images.failed)} not brought over`);
  else if (progress.images.notFetched > 0) parts.push(`${plural(progress.images.notFetched, 'image')} not fetched${dryRun ? '' : ' (no --media-from)'}`);
  parts.push(`in ${duration(progress.elapsedMs)}`);
  return `${parts.join('; ')}.`;
}

/** What was skipped, by kind, each with its count: for the lines under the summary. */
export function skippedLines(progress: ImportProgress): string[] {
  const items = Object.entries(progress.skippedItems).map(([kind, count]) => `${n(count ?? 0)} ${itemSkipNames[kind as ItemSkip]}`);
  const comments = Object.entries(progress.skippedComments).map(([kind, count]) => `${n(count ?? 0)} ${commentSkipNames[kind as CommentSkip]}`);
  return [...items, ...comments];
}
