import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import { expireTags } from '../db/cache-tags';
import type { Db } from '../db/client';
import { tags } from '../db/tags';
import { type ImportedPhoto, type ResolvedStory, type StoryOutcome, wordpressWriter } from '../db/wordpress-import';
import type { UploadedPhoto } from '../lib/photo-upload';
import { siteKey } from '../lib/wordpress/addresses';
import { wordpressExcerptText, wordpressToMarkdown, type WordpressImage } from '../lib/wordpress/content';
import { type CommentSkip, planItem, type StoryPlan, termKey } from '../lib/wordpress/plan';
import type { ImportProgress } from '../lib/wordpress/progress-text';

export type { ImportProgress };
import { readWxr, WxrError, type WxrInput, type WxrItem } from '../lib/wordpress/wxr';

/**
 * `npm run import:wordpress` and the desk's Import page: a WordPress export (WXR), read as a stream,
 * written story by story (db/wordpress-import.ts), with counts as it goes. What it keeps, skips and
 * how reruns behave: docs/wordpress.md.
 */

/** Brings one image of the old site over (lib/wordpress/media.ts), or says why it could not. */
export type ImageImporter = (url: string) => Promise<UploadedPhoto | { error: string }>;

export type ImportOptions = {
  dryRun: boolean;
  /** Given the site's address once the export names it, what brings its images over; null: images are not fetched. */
  images: ((site: string) => ImageImporter) | null;
  actor: { id: number | null; name: string };
  /** The file's size, for the time left. */
  totalBytes?: number;
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
};

const MAX_WARNINGS = 50;
/** How often the tags of what was written so far are expired, so that a running site shows it. */
const EXPIRE_EVERY = 200;

export async function importWordpress(database: Db, input: WxrInput, options: ImportOptions): Promise<ImportProgress> {
  const startedAt = Date.now();
  const progress: ImportProgress = {
    site: '',
    bytesRead: 0,
    totalBytes: options.totalBytes ?? null,
    itemsRead: 0,
    stories: { new: 0, updated: 0, unchanged: 0 },
    comments: { new: 0, updated: 0, unchanged: 0 },
    skippedItems: {},
    skippedComments: {},
    created: { sections: 0, topics: 0, bylines: 0 },
    images: { stored: 0, failed: 0, notFetched: 0 },
    warnings: [],
    startedAt,
    elapsedMs: 0,
  };
  const warn = (text: string) => {
    if (progress.warnings.length < MAX_WARNINGS) progress.warnings.push(text);
  };
  const created = { sections: new Set<string>(), topics: new Set<string>(), bylines: new Set<string>() };
  const categorySlugById = new Map<number, string>();
  const attachmentUrls = new Map<number, { url: string; alt: string; caption: string; title: string }>();
  /** Posts whose featured image's attachment has not been read yet: attachment id → story ids. */
  const waitingForPhoto = new Map<number, { articleId: number; headline: string }[]>();
  const toExpire = new Set<string>();
  let writer: ReturnType<typeof wordpressWriter> | null = null;
  let images: ImageImporter | null = null;
  let storiesSinceExpiry = 0;

  const report = async () => {
    progress.elapsedMs = Date.now() - startedAt;
    progress.created = { sections: created.sections.size, topics: created.topics.size, bylines: created.bylines.size };
    await options.onProgress?.(progress);
  };
  const flushExpiry = async () => {
    if (options.dryRun || toExpire.size === 0) return;
    await expireTags([...toExpire], Date.now(), database);
    toExpire.clear();
    storiesSinceExpiry = 0;
  };

  /** An image of the old site (media.ts fetches and stores each address once per import). */
  const bring = (url: string) => (images ? images(url) : Promise.resolve({ error: 'not fetched' } as const));
  const limit = pLimit(4);

  async function resolveStory(plan: StoryPlan, item: WxrItem): Promise<ResolvedStory> {
    const found = wordpressToMarkdown(plan.html).images;
    const stored = new Map<string, string>();
    if (images && !options.dryRun) {
      await Promise.all(
        [...new Set(found.map((image) => image.src))].map((src) =>
          limit(async () => {
            const result = await bring(src);
            if ('error' in result) {
              progress.images.failed++;
              warn(`“${plan.headline}”: image ${src} not brought over (${result.error}); the story has its caption instead.`);
            } else {
              progress.images.stored++;
              stored.set(src, result.src);
            }
          }),
        ),
      );
    } else progress.images.notFetched += found.length;
    const markdown = wordpressToMarkdown(plan.html, { imageSrc: (image: WordpressImage) => stored.get(image.src) ?? null }).markdown;
    let photo: ImportedPhoto | null = null;
    if (plan.thumbnailId !== null) {
      const attachment = attachmentUrls.get(plan.thumbnailId);
      if (attachment) photo = await featuredPhoto(attachment, plan.headline);
    }
    const media = images ? 'm' : 'n';
    const { comments, ...post } = item;
    const source = new Map(comments.map((comment) => [comment.id, comment]));
    return {
      plan,
      markdown,
      photo,
      sourceHash: `${digest(post)}:${media}`,
      commentHashes: plan.comments.map((comment) => digest(source.get(comment.wpId))),
    };
  }

  async function featuredPhoto(attachment: { url: string; alt: string; caption: string; title: string }, headline: string): Promise<ImportedPhoto | null> {
    if (!images || options.dryRun) {
      progress.images.notFetched++;
      return null;
    }
    const result = await bring(attachment.url);
    if ('error' in result) {
      progress.images.failed++;
      warn(`“${headline}”: featured image ${attachment.url} not brought over (${result.error}); the story imports without a photo.`);
      return null;
    }
    progress.images.stored++;
    // Alt text is required on the desk: the attachment's, else its title, else the headline.
    return { ...result, alt: attachment.alt || attachment.title || headline, caption: attachment.caption, credit: '' };
  }

  try {
    for await (const event of readWxr(countBytes(input, (n) => (progress.bytesRead += n)))) {
      switch (event.kind) {
        case 'site': {
          const key = siteKey(event.baseSiteUrl) ?? siteKey(event.link);
          if (!key) throw new WxrError(1, 1, `the export names no site address (wp:base_site_url is “${event.baseSiteUrl}”); it is needed to keep the old addresses`);
          progress.site = key;
          images = options.images?.(key) ?? null;
          writer = wordpressWriter(database, { baseUrl: key, title: wordpressExcerptText(event.title), host: new URL(key).host }, { dryRun: options.dryRun });
          break;
        }
        case 'author':
          writer?.addAuthor({ login: event.login, displayName: wordpressExcerptText(event.displayName) || event.login, wpId: event.id });
          break;
        case 'category':
          if (event.id !== null) {
            categorySlugById.set(event.id, event.slug);
            writer?.categoryIds.set(termKey(event.slug), event.id);
          }
          break;
        case 'tag':
        case 'term':
          break;
        case 'item': {
          progress.itemsRead++;
          const item = event.item;
          if (item.postType === 'attachment') {
            rememberAttachment(item);
            await photosWaitingFor(item.postId);
          }
          const planned = planItem(item, { categorySlugById });
          if ('skip' in planned) {
            progress.skippedItems[planned.skip] = (progress.skippedItems[planned.skip] ?? 0) + 1;
          } else {
            const { plan } = planned;
            for (const note of plan.notes) warn(`“${plan.headline}”: ${note}.`);
            for (const [reason, n] of Object.entries(plan.skippedComments)) progress.skippedComments[reason as CommentSkip] = (progress.skippedComments[reason as CommentSkip] ?? 0) + n;
            const story = await resolveStory(plan, item);
            const outcome = await writer!.writeStory(story);
            await count(outcome);
            if (plan.thumbnailId !== null && !attachmentUrls.has(plan.thumbnailId) && outcome.story !== 'unchanged') {
              const waiting = waitingForPhoto.get(plan.thumbnailId) ?? [];
              waiting.push({ articleId: outcome.articleId, headline: plan.headline });
              waitingForPhoto.set(plan.thumbnailId, waiting);
            }
          }
          await report();
          break;
        }
      }
    }
    if (!writer) throw new WxrError(1, 1, 'the file ended before the export said which site it is from');
    for (const [id, waiting] of waitingForPhoto) for (const story of waiting) warn(`“${story.headline}”: its featured image (attachment ${id}) is not in the export; the story imports without a photo.`);
    await writer.finish({ actor: options.actor, counts: summaryCounts(progress) });
    toExpire.add(tags.wordpressAddresses);
    if (created.sections.size > 0) toExpire.add(tags.sections);
  } finally {
    await flushExpiry();
    await report();
  }
  return progress;

  async function count(outcome: StoryOutcome) {
    progress.stories[outcome.story]++;
    progress.comments.new += outcome.comments.new;
    progress.comments.updated += outcome.comments.updated;
    progress.comments.unchanged += outcome.comments.unchanged;
    for (const slug of outcome.created.sections) created.sections.add(slug);
    for (const slug of outcome.created.topics) created.topics.add(slug);
    for (const slug of outcome.created.bylines) created.bylines.add(slug);
    if (outcome.created.sections.length > 0) toExpire.add(tags.sections);
    for (const tag of outcome.expire) toExpire.add(tag);
    if (++storiesSinceExpiry >= EXPIRE_EVERY) await flushExpiry();
  }

  function rememberAttachment(item: WxrItem) {
    const url = item.attachmentUrl ?? item.guid;
    if (!url) return;
    attachmentUrls.set(item.postId, {
      url,
      alt: wordpressExcerptText(item.postmeta.find((meta) => meta.key === '_wp_attachment_image_alt')?.value ?? ''),
      caption: wordpressExcerptText(item.excerpt),
      title: wordpressExcerptText(item.title),
    });
  }

  async function photosWaitingFor(attachmentId: number) {
    const waiting = waitingForPhoto.get(attachmentId);
    if (!waiting) return;
    waitingForPhoto.delete(attachmentId);
    for (const story of waiting) {
      const photo = await featuredPhoto(attachmentUrls.get(attachmentId)!, story.headline);
      if (photo) {
        await writer!.setPhoto(story.articleId, photo);
        toExpire.add(tags.article(story.articleId));
      }
    }
  }
}

/** The summary's numbers, also kept in the desk's log. */
export function summaryCounts(progress: ImportProgress) {
  return {
    stories: progress.stories,
    comments: progress.comments,
    skippedItems: progress.skippedItems,
    skippedComments: progress.skippedComments,
    created: progress.created,
    images: progress.images,
  };
}

function digest(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value ?? null)).digest('base64url');
}

async function* countBytes(input: WxrInput, add: (n: number) => void): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of input) {
    add(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength);
    yield chunk;
  }
}
