/**
 * The WordPress importer's writes (server/wordpress-import.ts decides what; this writes it). Each story
 * goes in with its comments, bylines, section, topics and old-address keys in one transaction, keyed
 * on the site and WordPress's ids (`wordpress_*` tables), so that a rerun of the same export changes
 * nothing and a newer one updates what changed there. A dry run runs the same transaction and rolls
 * it back. Not 'server-only': the import runs as a command, outside any request.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { HoldReason } from '../lib/comment-rules';
import { reservedSectionSlugs } from '../lib/section-form';
import { TOPIC_NAME_MAX } from '../lib/story-form';
import type { UploadedPhoto } from '../lib/photo-upload';
import { oldPath } from '../lib/wordpress/addresses';
import type { CommentPlan, PlannedTerm, StoryPlan } from '../lib/wordpress/plan';
import type { Db } from './client';
import {
  articleAuthors,
  articles,
  articleTags,
  authors,
  moderationLog,
  sections,
  tags as topics,
  wordpressPosts,
  wordpressSites,
  wordpressTerms,
} from './schema';
import { storyPageTagsSync, type StoryPlace } from './story-tags';
import { tags } from './tags';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type ImportedPhoto = UploadedPhoto & { alt: string; caption: string; credit: string };

/** A story ready to write: the plan, its body as Markdown (images resolved) and its photo if one was stored. */
export type ResolvedStory = { plan: StoryPlan; markdown: string; photo: ImportedPhoto | null; sourceHash: string; commentHashes: string[] };

export type StoryOutcome = {
  story: 'new' | 'updated' | 'unchanged';
  articleId: number;
  comments: { new: number; updated: number; unchanged: number };
  /** Sections, topics and bylines this story's write created, by slug. */
  created: { sections: string[]; topics: string[]; bylines: string[] };
  /** Cache tags of the pages that show what changed. */
  expire: string[];
};

export type WordpressAuthor = { login: string; displayName: string; wpId: number | null };

class RolledBack extends Error {}

export function wordpressWriter(database: Db, site: { baseUrl: string; title: string; host: string }, options: { dryRun: boolean }) {
  const client = database.$client;
  // The hot path (200,000 comments) runs prepared statements: building each insert through the
  // query builder was most of an import's time.
  const insertComment = client.prepare(
    `insert into comments (article_id, parent_id, author_name, author_email, author_url, body, status, created_at, ip, held_reason, byline_id)
     values (?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
  );
  const updateComment = client.prepare(
    `update comments set author_name = ?, author_email = ?, author_url = ?, body = ?, status = ?, created_at = ?, ip = ?, held_reason = ?, byline_id = ? where id = ?`,
  );
  const setParent = client.prepare('update comments set parent_id = ? where id = ? and parent_id is not ?');
  const mapComment = client.prepare('insert into wordpress_comments (site_id, wp_id, comment_id, source_hash) values (?, ?, ?, ?) on conflict (site_id, wp_id) do update set comment_id = excluded.comment_id, source_hash = excluded.source_hash');
  const mappedComments = client.prepare(
    `select w.wp_id as wpId, w.comment_id as commentId, w.source_hash as sourceHash from wordpress_comments w join comments c on c.id = w.comment_id where w.site_id = ? and c.article_id = ?`,
  );

  const authorsByLogin = new Map<string, WordpressAuthor>();
  const loginByWpId = new Map<number, string>();
  const heldReason: HoldReason = { rule: 'imported', from: site.host };

  function siteId(tx: Tx): number {
    const found = tx.select({ id: wordpressSites.id }).from(wordpressSites).where(eq(wordpressSites.baseUrl, site.baseUrl)).get();
    if (found) return found.id;
    return tx.insert(wordpressSites).values({ baseUrl: site.baseUrl, title: site.title, createdAt: new Date() }).returning({ id: wordpressSites.id }).get().id;
  }

  function term(tx: Tx, id: number, taxonomy: 'category' | 'post_tag' | 'author', slug: string) {
    return tx
      .select()
      .from(wordpressTerms)
      .where(and(eq(wordpressTerms.siteId, id), eq(wordpressTerms.taxonomy, taxonomy), eq(wordpressTerms.slug, slug)))
      .get();
  }

  function saveTerm(tx: Tx, row: typeof wordpressTerms.$inferInsert) {
    const { wpId, sectionId, tagId, authorId } = row;
    tx.insert(wordpressTerms).values(row).onConflictDoUpdate({ target: [wordpressTerms.siteId, wordpressTerms.taxonomy, wordpressTerms.slug], set: { wpId, sectionId, tagId, authorId } }).run();
  }

  /** `base`, or `base-2`, `base-3`… : the first that `taken` says is free. */
  function freeSlug(base: string, taken: (slug: string) => boolean): string {
    if (!taken(base)) return base;
    for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
  }

  function sectionFor(tx: Tx, id: number, category: PlannedTerm, created: StoryOutcome['created']): number {
    const mapped = term(tx, id, 'category', category.key);
    if (mapped?.sectionId) return mapped.sectionId;
    let section = reservedSectionSlugs.has(category.slug) ? undefined : tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, category.slug)).get();
    if (!section) {
      const slug = freeSlug(category.slug, (s) => reservedSectionSlugs.has(s) || tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, s)).get() !== undefined);
      const position = (tx.select({ max: sql<number>`coalesce(max(${sections.position}), 0)` }).from(sections).get()?.max ?? 0) + 1;
      section = tx.insert(sections).values({ slug, name: category.name, position }).returning({ id: sections.id }).get();
      created.sections.push(slug);
    }
    saveTerm(tx, { siteId: id, taxonomy: 'category', slug: category.key, wpId: mapped?.wpId ?? null, sectionId: section.id, tagId: mapped?.tagId ?? null });
    return section.id;
  }

  function topicFor(tx: Tx, id: number, taxonomy: 'category' | 'post_tag', entry: PlannedTerm, created: StoryOutcome['created']): number {
    const mapped = term(tx, id, taxonomy, entry.key);
    if (mapped?.tagId) return mapped.tagId;
    let topic = tx.select({ id: topics.id }).from(topics).where(eq(topics.slug, entry.slug)).get();
    if (!topic) {
      topic = tx.insert(topics).values({ slug: entry.slug, name: entry.name.slice(0, TOPIC_NAME_MAX).trim() }).returning({ id: topics.id }).get();
      created.topics.push(entry.slug);
    }
    saveTerm(tx, { siteId: id, taxonomy, slug: entry.key, wpId: mapped?.wpId ?? null, sectionId: mapped?.sectionId ?? null, tagId: topic.id });
    return topic.id;
  }

  function bylineFor(tx: Tx, id: number, login: string, created: StoryOutcome['created']): number {
    const known = authorsByLogin.get(login);
    const slug = authorSlug(login);
    const mapped = term(tx, id, 'author', slug);
    if (mapped?.authorId) return mapped.authorId;
    const name = (known?.displayName || login || 'Staff').slice(0, 80);
    // A byline the newsroom already set up under the same name is the same person.
    let byline = tx.select({ id: authors.id }).from(authors).where(eq(authors.name, name)).get();
    if (!byline) {
      const free = freeSlug(slug, (s) => tx.select({ id: authors.id }).from(authors).where(eq(authors.slug, s)).get() !== undefined);
      byline = tx.insert(authors).values({ slug: free, name }).returning({ id: authors.id }).get();
      created.bylines.push(free);
    }
    saveTerm(tx, { siteId: id, taxonomy: 'author', slug, wpId: known?.wpId ?? null, authorId: byline.id });
    return byline.id;
  }

  function placeOf(tx: Tx, articleId: number): StoryPlace | null {
    const row = tx.select({ id: articles.id, slug: articles.slug, status: articles.status, sectionId: articles.sectionId, featured: articles.featured }).from(articles).where(eq(articles.id, articleId)).get();
    if (!row) return null;
    const authorIds = tx.select({ id: articleAuthors.authorId }).from(articleAuthors).where(eq(articleAuthors.articleId, articleId)).orderBy(articleAuthors.position).all().map((r) => r.id);
    return { ...row, authorIds };
  }

  function writeStory(tx: Tx, story: ResolvedStory, outcome: StoryOutcome) {
    const { plan } = story;
    const id = siteId(tx);
    const mapping = tx.select().from(wordpressPosts).where(and(eq(wordpressPosts.siteId, id), eq(wordpressPosts.wpId, plan.wpId))).get();
    const oldPathKey = oldPathOf(plan);
    if (mapping && unchanged(mapping.sourceHash, story.sourceHash)) {
      outcome.story = 'unchanged';
      outcome.articleId = mapping.articleId;
      return;
    }
    const [primary, ...others] = plan.categories;
    const sectionId = primary ? sectionFor(tx, id, primary, outcome.created) : fallbackSection(tx, outcome.created);
    const topicIds = [...others.map((category) => topicFor(tx, id, 'category', category, outcome.created)), ...plan.tags.map((tag) => topicFor(tx, id, 'post_tag', tag, outcome.created))];
    const bylineId = bylineFor(tx, id, plan.authorLogin, outcome.created);
    const fields = {
      sectionId,
      headline: plan.headline,
      standfirst: plan.standfirst,
      body: story.markdown,
      status: plan.status,
      featured: plan.featured,
      commentsOpen: plan.commentsOpen,
      publishedAt: plan.publishedAt,
      updatedAt: plan.updatedAt,
      ...(story.photo
        ? { photoSrc: story.photo.src, photoWidth: story.photo.width, photoHeight: story.photo.height, photoAlt: story.photo.alt, photoCaption: story.photo.caption, photoCredit: story.photo.credit }
        : {}),
    };
    const before = mapping ? placeOf(tx, mapping.articleId) : null;
    let articleId: number;
    if (mapping && before) {
      articleId = mapping.articleId;
      tx.update(articles).set(fields).where(eq(articles.id, articleId)).run();
      tx.delete(articleAuthors).where(eq(articleAuthors.articleId, articleId)).run();
      tx.delete(articleTags).where(eq(articleTags.articleId, articleId)).run();
      outcome.story = 'updated';
    } else {
      const slug = freeSlug(plan.slug, (s) => tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, s)).get() !== undefined);
      articleId = tx.insert(articles).values({ ...fields, slug }).returning({ id: articles.id }).get().id;
      outcome.story = 'new';
    }
    tx.insert(articleAuthors).values({ articleId, authorId: bylineId, position: 0 }).run();
    [...new Set(topicIds)].forEach((tagId, position) => tx.insert(articleTags).values({ articleId, tagId, position }).run());
    tx.insert(wordpressPosts)
      .values({ siteId: id, wpId: plan.wpId, articleId, slug: plan.wpSlug.toLowerCase(), path: oldPathKey, sourceHash: story.sourceHash })
      .onConflictDoUpdate({ target: [wordpressPosts.siteId, wordpressPosts.wpId], set: { articleId, slug: plan.wpSlug.toLowerCase(), path: oldPathKey, sourceHash: story.sourceHash } })
      .run();
    outcome.articleId = articleId;
    const after = placeOf(tx, articleId)!;
    outcome.expire.push(...storyPageTagsSync(tx, before ? [before, after] : [after], true));
  }

  function writeComments(tx: Tx, story: ResolvedStory, outcome: StoryOutcome) {
    const id = siteId(tx);
    const articleId = outcome.articleId;
    const existing = new Map((mappedComments.all(id, articleId) as { wpId: number; commentId: number; sourceHash: string }[]).map((row) => [row.wpId, row]));
    const ours = new Map<number, number>();
    for (const [wpId, row] of existing) ours.set(wpId, row.commentId);
    const touched: CommentPlan[] = [];
    story.plan.comments.forEach((comment, index) => {
      const hash = story.commentHashes[index]!;
      const known = existing.get(comment.wpId);
      if (known && known.sourceHash === hash) {
        outcome.comments.unchanged++;
        return;
      }
      const byline = comment.wpUserId ? loginByWpId.get(comment.wpUserId) : undefined;
      const bylineId = byline === undefined ? null : bylineFor(tx, id, byline, outcome.created);
      const values = [
        comment.authorName,
        comment.authorEmail,
        comment.authorUrl,
        comment.body,
        comment.status,
        comment.createdAt.getTime(),
        comment.ip,
        comment.status === 'pending' ? JSON.stringify(heldReason) : null,
        bylineId,
      ];
      let commentId: number;
      if (known) {
        commentId = known.commentId;
        updateComment.run(...values, commentId);
        outcome.comments.updated++;
      } else {
        commentId = (insertComment.get(articleId, ...values) as { id: number }).id;
        outcome.comments.new++;
      }
      mapComment.run(id, comment.wpId, commentId, hash);
      ours.set(comment.wpId, commentId);
      touched.push(comment);
    });
    // Parents once every comment has its id here: WordPress may list a reply before its parent. A
    // reply to a comment not imported (a pingback) starts its own thread.
    for (const comment of touched) setParent.run(comment.wpParentId ? (ours.get(comment.wpParentId) ?? null) : null, ours.get(comment.wpId)!, comment.wpParentId ? (ours.get(comment.wpParentId) ?? null) : null);
    if (touched.length > 0) outcome.expire.push(tags.comments(articleId));
  }

  return {
    /** The channel's `wp:author` entries: display names, and whose comments are a byline's. */
    addAuthor(author: WordpressAuthor) {
      authorsByLogin.set(author.login, author);
      if (author.wpId !== null) loginByWpId.set(author.wpId, author.login);
    },

    /** Remembers a category's WordPress id (the old `?cat=` address), once its row exists. */
    categoryIds: new Map<string, number>(),

    /** One story with its comments, in one transaction (rolled back in a dry run). */
    async writeStory(story: ResolvedStory): Promise<StoryOutcome> {
      const outcome: StoryOutcome = { story: 'unchanged', articleId: 0, comments: { new: 0, updated: 0, unchanged: 0 }, created: { sections: [], topics: [], bylines: [] }, expire: [] };
      try {
        database.transaction((tx) => {
          writeStory(tx, story, outcome);
          writeComments(tx, story, outcome);
          if (options.dryRun) throw new RolledBack();
        });
      } catch (error) {
        if (!(error instanceof RolledBack)) throw error;
      }
      return outcome;
    },

    /** A featured image whose attachment came after its post in the file. */
    async setPhoto(articleId: number, photo: ImportedPhoto) {
      if (options.dryRun) return;
      await database
        .update(articles)
        .set({ photoSrc: photo.src, photoWidth: photo.width, photoHeight: photo.height, photoAlt: photo.alt, photoCaption: photo.caption, photoCredit: photo.credit })
        .where(eq(articles.id, articleId));
    },

    /** The old `?cat=` and `?author=` numbers, and one line in the desk's log for the whole import. */
    async finish(summary: { actor: { id: number | null; name: string }; counts: Record<string, unknown> }) {
      if (options.dryRun) return;
      database.transaction((tx) => {
        const id = siteId(tx);
        for (const [slug, wpId] of this.categoryIds) tx.update(wordpressTerms).set({ wpId }).where(and(eq(wordpressTerms.siteId, id), eq(wordpressTerms.taxonomy, 'category'), eq(wordpressTerms.slug, slug))).run();
        tx.insert(moderationLog)
          .values({ actorId: summary.actor.id, actorName: summary.actor.name, action: 'wordpress.import', targetType: 'wordpress-site', targetId: id, before: null, after: { site: site.baseUrl, ...summary.counts }, createdAt: new Date() })
          .run();
      });
    },
  };
}

export type WordpressWriter = ReturnType<typeof wordpressWriter>;

/** `/author/<nicename>/`: WordPress makes the nicename from the login as it makes any slug. */
export function authorSlug(login: string): string {
  return (
    login
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'staff'
  );
}

/** A rerun without `--media-from` leaves a story imported with its photos as it is (`:m` against `:n`). */
function unchanged(stored: string, current: string): boolean {
  if (stored === current) return true;
  const [storedSource, storedMedia] = stored.split(':');
  const [currentSource, currentMedia] = current.split(':');
  return storedSource === currentSource && storedMedia === 'm' && currentMedia === 'n';
}

/** The old permalink's path as the address lookups read it; a post whose link was `/?p=123` has none but its id. */
function oldPathOf(plan: StoryPlan): string {
  return oldPath(plan.link) ?? `/?p=${plan.wpId}`;
}

/** A post with no category (WordPress always gives one; a hand-made export may not): the first section. */
function fallbackSection(tx: Tx, created: StoryOutcome['created']): number {
  const first = tx.select({ id: sections.id }).from(sections).orderBy(sections.position, sections.id).get();
  if (first) return first.id;
  created.sections.push('news');
  return tx.insert(sections).values({ slug: 'news', name: 'News', position: 1 }).returning({ id: sections.id }).get().id;
}

