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
import { type Db, isPostgres } from './client';
import {
  articleAuthors,
  articles,
  articleTags,
  authors,
  comments,
  moderationLog,
  sections,
  tags as topics,
  wordpressComments,
  wordpressPosts,
  wordpressSites,
  wordpressTerms,
} from './schema';
import { type StoryPlace, storyPageTagsInTransaction } from './story-tags';
import { tags } from './tags';
import { all, get, run, transact, type TransactionBody, type Tx } from './transact';

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
  const commentRows = isPostgres(database) ? builtCommentStatements() : preparedCommentStatements(database);

  const authorsByLogin = new Map<string, WordpressAuthor>();
  const loginByWpId = new Map<number, string>();
  const heldReason: HoldReason = { rule: 'imported', from: site.host };

  function* siteId(tx: Tx): TransactionBody<number> {
    const found = yield* get(tx.select({ id: wordpressSites.id }).from(wordpressSites).where(eq(wordpressSites.baseUrl, site.baseUrl)));
    if (found) return found.id;
    return (yield* get(tx.insert(wordpressSites).values({ baseUrl: site.baseUrl, title: site.title, createdAt: new Date() }).returning({ id: wordpressSites.id })))!.id;
  }

  function term(tx: Tx, id: number, taxonomy: 'category' | 'post_tag' | 'author', slug: string) {
    return get(
      tx
        .select()
        .from(wordpressTerms)
        .where(and(eq(wordpressTerms.siteId, id), eq(wordpressTerms.taxonomy, taxonomy), eq(wordpressTerms.slug, slug))),
    );
  }

  function saveTerm(tx: Tx, row: typeof wordpressTerms.$inferInsert) {
    const { wpId, sectionId, tagId, authorId } = row;
    return run(tx.insert(wordpressTerms).values(row).onConflictDoUpdate({ target: [wordpressTerms.siteId, wordpressTerms.taxonomy, wordpressTerms.slug], set: { wpId, sectionId, tagId, authorId } }));
  }

  /** `base`, or `base-2`, `base-3`… : the first that `taken` says is free. */
  function* freeSlug(base: string, taken: (slug: string) => TransactionBody<boolean>): TransactionBody<string> {
    if (!(yield* taken(base))) return base;
    for (let n = 2; ; n++) if (!(yield* taken(`${base}-${n}`))) return `${base}-${n}`;
  }

  function* exists(query: { get(): unknown }): TransactionBody<boolean> {
    return (yield* get(query)) !== undefined;
  }

  function* sectionFor(tx: Tx, id: number, category: PlannedTerm, created: StoryOutcome['created']): TransactionBody<number> {
    const mapped = yield* term(tx, id, 'category', category.key);
    if (mapped?.sectionId) return mapped.sectionId;
    let section = reservedSectionSlugs.has(category.slug) ? undefined : yield* get(tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, category.slug)));
    if (!section) {
      const slug = yield* freeSlug(category.slug, function* (s) {
        return reservedSectionSlugs.has(s) || (yield* exists(tx.select({ id: sections.id }).from(sections).where(eq(sections.slug, s))));
      });
      const highest = yield* get(tx.select({ max: sql<number>`coalesce(max(${sections.position}), 0)`.mapWith(Number) }).from(sections));
      section = (yield* get(tx.insert(sections).values({ slug, name: category.name, position: (highest?.max ?? 0) + 1 }).returning({ id: sections.id })))!;
      created.sections.push(slug);
    }
    yield* saveTerm(tx, { siteId: id, taxonomy: 'category', slug: category.key, wpId: mapped?.wpId ?? null, sectionId: section.id, tagId: mapped?.tagId ?? null });
    return section.id;
  }

  function* topicFor(tx: Tx, id: number, taxonomy: 'category' | 'post_tag', entry: PlannedTerm, created: StoryOutcome['created']): TransactionBody<number> {
    const mapped = yield* term(tx, id, taxonomy, entry.key);
    if (mapped?.tagId) return mapped.tagId;
    let topic = yield* get(tx.select({ id: topics.id }).from(topics).where(eq(topics.slug, entry.slug)));
    if (!topic) {
      topic = (yield* get(tx.insert(topics).values({ slug: entry.slug, name: entry.name.slice(0, TOPIC_NAME_MAX).trim() }).returning({ id: topics.id })))!;
      created.topics.push(entry.slug);
    }
    yield* saveTerm(tx, { siteId: id, taxonomy, slug: entry.key, wpId: mapped?.wpId ?? null, sectionId: mapped?.sectionId ?? null, tagId: topic.id });
    return topic.id;
  }

  function* bylineFor(tx: Tx, id: number, login: string, created: StoryOutcome['created']): TransactionBody<number> {
    const known = authorsByLogin.get(login);
    const slug = authorSlug(login);
    const mapped = yield* term(tx, id, 'author', slug);
    if (mapped?.authorId) return mapped.authorId;
    const name = (known?.displayName || login || 'Staff').slice(0, 80);
    // A byline the newsroom already set up under the same name is the same person.
    let byline = yield* get(tx.select({ id: authors.id }).from(authors).where(eq(authors.name, name)));
    if (!byline) {
      const free = yield* freeSlug(slug, (s) => exists(tx.select({ id: authors.id }).from(authors).where(eq(authors.slug, s))));
      byline = (yield* get(tx.insert(authors).values({ slug: free, name }).returning({ id: authors.id })))!;
      created.bylines.push(free);
    }
    yield* saveTerm(tx, { siteId: id, taxonomy: 'author', slug, wpId: known?.wpId ?? null, authorId: byline.id });
    return byline.id;
  }

  function* placeOf(tx: Tx, articleId: number): TransactionBody<StoryPlace | null> {
    const row = yield* get(tx.select({ id: articles.id, slug: articles.slug, status: articles.status, sectionId: articles.sectionId, featured: articles.featured }).from(articles).where(eq(articles.id, articleId)));
    if (!row) return null;
    const bylines = yield* all(tx.select({ id: articleAuthors.authorId }).from(articleAuthors).where(eq(articleAuthors.articleId, articleId)).orderBy(articleAuthors.position));
    return { ...row, authorIds: bylines.map((r) => r.id) };
  }

  function* writeStory(tx: Tx, story: ResolvedStory, outcome: StoryOutcome): TransactionBody<void> {
    const { plan } = story;
    const id = yield* siteId(tx);
    const mapping = yield* get(tx.select().from(wordpressPosts).where(and(eq(wordpressPosts.siteId, id), eq(wordpressPosts.wpId, plan.wpId))));
    const oldPathKey = oldPathOf(plan);
    if (mapping && unchanged(mapping.sourceHash, story.sourceHash)) {
      outcome.story = 'unchanged';
      outcome.articleId = mapping.articleId;
      return;
    }
    const [primary, ...others] = plan.categories;
    const sectionId = primary ? yield* sectionFor(tx, id, primary, outcome.created) : yield* fallbackSection(tx, outcome.created);
    const topicIds: number[] = [];
    for (const category of others) topicIds.push(yield* topicFor(tx, id, 'category', category, outcome.created));
    for (const tag of plan.tags) topicIds.push(yield* topicFor(tx, id, 'post_tag', tag, outcome.created));
    const bylineId = yield* bylineFor(tx, id, plan.authorLogin, outcome.created);
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
    const before = mapping ? yield* placeOf(tx, mapping.articleId) : null;
    let articleId: number;
    if (mapping && before) {
      articleId = mapping.articleId;
      yield* run(tx.update(articles).set(fields).where(eq(articles.id, articleId)));
      yield* run(tx.delete(articleAuthors).where(eq(articleAuthors.articleId, articleId)));
      yield* run(tx.delete(articleTags).where(eq(articleTags.articleId, articleId)));
      outcome.story = 'updated';
    } else {
      const slug = yield* freeSlug(plan.slug, (s) => exists(tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, s))));
      articleId = (yield* get(tx.insert(articles).values({ ...fields, slug }).returning({ id: articles.id })))!.id;
      outcome.story = 'new';
    }
    yield* run(tx.insert(articleAuthors).values({ articleId, authorId: bylineId, position: 0 }));
    for (const [position, tagId] of [...new Set(topicIds)].entries()) yield* run(tx.insert(articleTags).values({ articleId, tagId, position }));
    yield* run(
      tx
        .insert(wordpressPosts)
        .values({ siteId: id, wpId: plan.wpId, articleId, slug: plan.wpSlug.toLowerCase(), path: oldPathKey, sourceHash: story.sourceHash })
        .onConflictDoUpdate({ target: [wordpressPosts.siteId, wordpressPosts.wpId], set: { articleId, slug: plan.wpSlug.toLowerCase(), path: oldPathKey, sourceHash: story.sourceHash } }),
    );
    outcome.articleId = articleId;
    const after = (yield* placeOf(tx, articleId))!;
    outcome.expire.push(...(yield* storyPageTagsInTransaction(tx, before ? [before, after] : [after], true)));
  }

  function* writeComments(tx: Tx, story: ResolvedStory, outcome: StoryOutcome): TransactionBody<void> {
    const id = yield* siteId(tx);
    const articleId = outcome.articleId;
    const existing = new Map((yield* commentRows.mapped(tx, id, articleId)).map((row) => [row.wpId, row]));
    const ours = new Map<number, number>();
    for (const [wpId, row] of existing) ours.set(wpId, row.commentId);
    const touched: CommentPlan[] = [];
    for (const [index, comment] of story.plan.comments.entries()) {
      const hash = story.commentHashes[index]!;
      const known = existing.get(comment.wpId);
      if (known && known.sourceHash === hash) {
        outcome.comments.unchanged++;
        continue;
      }
      const byline = comment.wpUserId ? loginByWpId.get(comment.wpUserId) : undefined;
      const bylineId = byline === undefined ? null : yield* bylineFor(tx, id, byline, outcome.created);
      const values: CommentValues = {
        authorName: comment.authorName,
        authorEmail: comment.authorEmail,
        authorUrl: comment.authorUrl,
        body: comment.body,
        status: comment.status,
        createdAt: comment.createdAt,
        ip: comment.ip,
        heldReason: comment.status === 'pending' ? heldReason : null,
        bylineId,
      };
      let commentId: number;
      if (known) {
        commentId = known.commentId;
        yield* commentRows.update(tx, commentId, values);
        outcome.comments.updated++;
      } else {
        commentId = yield* commentRows.insert(tx, articleId, values);
        outcome.comments.new++;
      }
      yield* commentRows.map(tx, id, comment.wpId, commentId, hash);
      ours.set(comment.wpId, commentId);
      touched.push(comment);
    }
    // Parents once every comment has its id here: WordPress may list a reply before its parent. A
    // reply to a comment not imported (a pingback) starts its own thread.
    for (const comment of touched) yield* commentRows.setParent(tx, ours.get(comment.wpId)!, comment.wpParentId ? (ours.get(comment.wpParentId) ?? null) : null);
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
        await transact(database, function* (tx) {
          yield* writeStory(tx, story, outcome);
          yield* writeComments(tx, story, outcome);
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
      const categoryIds = this.categoryIds;
      await transact(database, function* (tx) {
        const id = yield* siteId(tx);
        for (const [slug, wpId] of categoryIds) yield* run(tx.update(wordpressTerms).set({ wpId }).where(and(eq(wordpressTerms.siteId, id), eq(wordpressTerms.taxonomy, 'category'), eq(wordpressTerms.slug, slug))));
        yield* run(
          tx
            .insert(moderationLog)
            .values({ actorId: summary.actor.id, actorName: summary.actor.name, action: 'wordpress.import', targetType: 'wordpress-site', targetId: id, before: null, after: { site: site.baseUrl, ...summary.counts }, createdAt: new Date() }),
        );
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
function* fallbackSection(tx: Tx, created: StoryOutcome['created']): TransactionBody<number> {
  const first = yield* get(tx.select({ id: sections.id }).from(sections).orderBy(sections.position, sections.id));
  if (first) return first.id;
  created.sections.push('news');
  return (yield* get(tx.insert(sections).values({ slug: 'news', name: 'News', position: 1 }).returning({ id: sections.id })))!.id;
}

/** A comment's columns as the import writes them. */
type CommentValues = {
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  body: string;
  status: CommentPlan['status'];
  createdAt: Date;
  ip: string;
  heldReason: HoldReason | null;
  bylineId: number | null;
};

type MappedComment = { wpId: number; commentId: number; sourceHash: string };

/** The comment writes, the import's hot path (200,000 comments), as steps of a transaction body. */
type CommentStatements = {
  mapped(tx: Tx, siteId: number, articleId: number): TransactionBody<MappedComment[]>;
  insert(tx: Tx, articleId: number, values: CommentValues): TransactionBody<number>;
  update(tx: Tx, commentId: number, values: CommentValues): TransactionBody<void>;
  map(tx: Tx, siteId: number, wpId: number, commentId: number, sourceHash: string): TransactionBody<void>;
  setParent(tx: Tx, commentId: number, parentId: number | null): TransactionBody<void>;
};

/**
 * SQLite: statements prepared once and run directly (the body runs synchronously inside the
 * transaction there, so they need no step): building each insert through the query builder was most
 * of an import's time.
 */
function preparedCommentStatements(database: Db): CommentStatements {
  const client = database.$client;
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
  const row = (v: CommentValues) => [v.authorName, v.authorEmail, v.authorUrl, v.body, v.status, v.createdAt.getTime(), v.ip, v.heldReason ? JSON.stringify(v.heldReason) : null, v.bylineId];
  return {
    *mapped(_tx, siteId, articleId) {
      return mappedComments.all(siteId, articleId) as MappedComment[];
    },
    *insert(_tx, articleId, values) {
      return (insertComment.get(articleId, ...row(values)) as { id: number }).id;
    },
    *update(_tx, commentId, values) {
      updateComment.run(...row(values), commentId);
    },
    *map(_tx, siteId, wpId, commentId, sourceHash) {
      mapComment.run(siteId, wpId, commentId, sourceHash);
    },
    *setParent(_tx, commentId, parentId) {
      setParent.run(parentId, commentId, parentId);
    },
  };
}

/** PostgreSQL: the same statements through the query builder on the transaction. */
function builtCommentStatements(): CommentStatements {
  return {
    *mapped(tx, siteId, articleId) {
      return yield* all(
        tx
          .select({ wpId: wordpressComments.wpId, commentId: wordpressComments.commentId, sourceHash: wordpressComments.sourceHash })
          .from(wordpressComments)
          .innerJoin(comments, eq(comments.id, wordpressComments.commentId))
          .where(and(eq(wordpressComments.siteId, siteId), eq(comments.articleId, articleId))),
      );
    },
    *insert(tx, articleId, values) {
      return (yield* get(tx.insert(comments).values({ articleId, parentId: null, ...values }).returning({ id: comments.id })))!.id;
    },
    *update(tx, commentId, values) {
      yield* run(tx.update(comments).set(values).where(eq(comments.id, commentId)));
    },
    *map(tx, siteId, wpId, commentId, sourceHash) {
      yield* run(
        tx
          .insert(wordpressComments)
          .values({ siteId, wpId, commentId, sourceHash })
          .onConflictDoUpdate({ target: [wordpressComments.siteId, wordpressComments.wpId], set: { commentId, sourceHash } }),
      );
    },
    *setParent(tx, commentId, parentId) {
      yield* run(tx.update(comments).set({ parentId }).where(and(eq(comments.id, commentId), sql`${comments.parentId} is distinct from ${parentId}`)));
    },
  };
}

