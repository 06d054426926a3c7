import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import type { HoldReason } from '../../lib/comment-rules';
import { commentStatuses } from '../../lib/comment-status';
import { banKinds } from '../../lib/ban-kinds';
import { articleStatuses, type ArticleStatus } from '../../lib/story-status';
import { reportReasons } from '../../lib/report-reasons';
import { revisionKinds, type StoryFields } from '../../lib/story-revision';
import { userRoles } from '../../lib/user-roles';

/** Milliseconds since the epoch; a plain integer maps to PostgreSQL's bigint/timestamptz without surprises. */
const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const sections = sqliteTable('sections', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  position: integer('position').notNull().default(0),
});

export const authors = sqliteTable('authors', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  bio: text('bio').notNull().default(''),
  /** A head-and-shoulders photo: a square WebP in MEDIA_PATH, made at upload (lib/photo-upload.ts). */
  photoSrc: text('photo_src'),
});

/** A byline's former addresses (`/authors/<slug>`): each answers with a permanent redirect to its address now. */
export const authorRedirects = sqliteTable(
  'author_redirects',
  {
    slug: text('slug').primaryKey(),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [index('author_redirects_author_idx').on(t.authorId)],
);

export { articleStatuses, type ArticleStatus };

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id),
    headline: text('headline').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    /** Markdown; rendered on the server with raw HTML disabled. */
    body: text('body').notNull(),
    status: text('status', { enum: articleStatuses }).notNull().default('draft'),
    featured: integer('featured', { mode: 'boolean' }).notNull().default(false),
    commentsOpen: integer('comments_open', { mode: 'boolean' }).notNull().default(true),
    publishedAt: timestamp('published_at'),
    updatedAt: timestamp('updated_at'),
    photoSrc: text('photo_src'),
    photoWidth: integer('photo_width'),
    photoHeight: integer('photo_height'),
    photoAlt: text('photo_alt'),
    photoCaption: text('photo_caption'),
    photoCredit: text('photo_credit'),
    /** The desk account that made the last change (null for seeded and imported stories). */
    updatedBy: integer('updated_by').references((): AnySQLiteColumn => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('articles_status_published_idx').on(t.status, t.publishedAt),
    index('articles_section_status_published_idx').on(t.sectionId, t.status, t.publishedAt),
  ],
);

/** A story's bylines, in the order they are printed ("By A and B"); every story has at least one. */
export const articleAuthors = sqliteTable(
  'article_authors',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.authorId] }), index('article_authors_author_idx').on(t.authorId, t.articleId)],
);

/**
 * A published story's former addresses: each answers with a permanent redirect to the story's
 * address now, so that links and search results keep working after an editor changes the slug.
 */
export const storyRedirects = sqliteTable(
  'story_redirects',
  {
    slug: text('slug').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [index('story_redirects_article_idx').on(t.articleId)],
);

/** A correction note shown on a published story under "Correction", and in its JSON-LD. */
export const storyCorrections = sqliteTable(
  'story_corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    createdAt: timestamp('created_at').notNull(),
    createdBy: integer('created_by').references((): AnySQLiteColumn => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('story_corrections_article_idx').on(t.articleId, t.createdAt)],
);

/**
 * Every version of a story the desk saved (kind `save`, and `restore` for a revision brought back),
 * and each writer's latest unsaved text (`autosave`, one per writer and story, replaced as they type).
 * `fields` holds every field of the story form (lib/story-revision.ts).
 */
export const storyRevisions = sqliteTable(
  'story_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: revisionKinds }).notNull(),
    userId: integer('user_id').references((): AnySQLiteColumn => users.id, { onDelete: 'set null' }),
    userName: text('user_name').notNull(),
    fields: text('fields', { mode: 'json' }).$type<StoryFields>().notNull(),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [index('story_revisions_article_idx').on(t.articleId, t.createdAt), index('story_revisions_autosave_idx').on(t.articleId, t.kind, t.userId)],
);

export const tags = sqliteTable('tags', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
});

export const articleTags = sqliteTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    /** The topic's place in the story's list, as the desk gave it. */
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index('article_tags_tag_idx').on(t.tagId, t.articleId)],
);

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => comments.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    authorEmail: text('author_email').notNull(),
    authorUrl: text('author_url').notNull().default(''),
    body: text('body').notNull(),
    status: text('status', { enum: commentStatuses }).notNull().default('pending'),
    /** The status before the last change, set with it: where Restore and Not spam put the comment back. */
    previousStatus: text('previous_status', { enum: commentStatuses }),
    createdAt: timestamp('created_at')
      .notNull()
      .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
    ip: text('ip').notNull().default(''),
    userAgent: text('user_agent').notNull().default(''),
    /** Why the rules held the comment or sent it to spam (rule and word), shown to moderators. */
    heldReason: text('held_reason', { mode: 'json' }).$type<HoldReason>(),
    /** Set for a staff reply written on the moderation desk (shown with a "Staff" badge). */
    userId: integer('user_id').references((): AnySQLiteColumn => users.id, { onDelete: 'set null' }),
    /**
     * Set for a comment a byline wrote under their own account on WordPress (an imported comment whose
     * `user_id` was a post author's): shown with the "Staff" badge, as a desk reply is.
     */
    bylineId: integer('byline_id').references((): AnySQLiteColumn => authors.id, { onDelete: 'set null' }),
    editedAt: timestamp('edited_at'),
    /** When a moderator made it an editors' pick: shown first under its story, with a badge. */
    featuredAt: timestamp('featured_at'),
    /** How many browsers like it (rows of comment_likes), kept with the comment so a thread sorts by it cheaply. */
    likeCount: integer('like_count').notNull().default(0),
  },
  (t) => [
    index('comments_article_status_created_idx').on(t.articleId, t.status, t.createdAt),
    index('comments_status_created_idx').on(t.status, t.createdAt),
    index('comments_parent_idx').on(t.parentId),
    index('comments_email_status_idx').on(t.authorEmail, t.status),
    index('comments_email_created_idx').on(t.authorEmail, t.createdAt),
    index('comments_ip_created_idx').on(t.ip, t.createdAt),
  ],
);

/** Site settings as JSON values under a key (`comments` holds the CommentSettings). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: timestamp('updated_at')
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
});

/** Newsroom staff who sign in to the moderation desk. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** argon2id, with its parameters, as the PHC string. */
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: userRoles }).notNull().default('moderator'),
  /** The byline this account writes under, if any: what "my stories" means on the newsroom desk. */
  authorId: integer('author_id').references(() => authors.id, { onDelete: 'set null' }),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  /** Sessions issued before this moment no longer count (set on a password reset). */
  sessionsValidAfter: timestamp('sessions_valid_after'),
  createdAt: timestamp('created_at')
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
});

/** Failed sign-ins, counted per email and per address to throttle guessing (shared by every server). */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [index('login_failures_email_idx').on(t.email, t.createdAt), index('login_failures_ip_idx').on(t.ip, t.createdAt)],
);

/**
 * A reader's report of an approved comment; one per browser per comment. Reports count towards the
 * threshold once per address (lib/reports.ts `reporterAddress`), never once per browser.
 */
export const commentReports = sqliteTable(
  'comment_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: reportReasons }).notNull(),
    note: text('note').notNull().default(''),
    /** A random id from the reporter's browser cookie. */
    reporter: text('reporter').notNull(),
    /** The reporter as reports count people: an IPv4 address, an IPv6 /64, or 'unknown'. */
    ip: text('ip').notNull().default(''),
    createdAt: timestamp('created_at').notNull(),
    dismissedAt: timestamp('dismissed_at'),
  },
  (t) => [
    uniqueIndex('comment_reports_once_idx').on(t.commentId, t.reporter),
    index('comment_reports_open_idx').on(t.dismissedAt, t.commentId),
    // The hourly cap on reports per address.
    index('comment_reports_ip_created_idx').on(t.ip, t.createdAt),
  ],
);

/** One like of a comment by one browser (its random id from a cookie); comments.like_count counts them. */
export const commentLikes = sqliteTable(
  'comment_likes',
  {
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    /** A random id from the liker's browser cookie. */
    liker: text('liker').notNull(),
    /** The liker as likes count people: an IPv4 address, an IPv6 /64, or 'unknown'. */
    ip: text('ip').notNull().default(''),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.commentId, t.liker] }),
    // The rate caps per address and per browser.
    index('comment_likes_ip_created_idx').on(t.ip, t.createdAt),
    index('comment_likes_liker_created_idx').on(t.liker, t.createdAt),
  ],
);

/**
 * A commenter stopped by a moderator: what they post while it is in force goes to spam, its why-held
 * naming the ban (lib/bans.ts has the rules). Lifting a ban deletes it; the log keeps what it was.
 */
export const commentBans = sqliteTable(
  'comment_bans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: banKinds }).notNull(),
    /** As lib/bans.ts normalises it: an email, an email domain, or an IP address or CIDR range. */
    value: text('value').notNull(),
    reason: text('reason').notNull(),
    /** The first instant it no longer applies; null for never. */
    expiresAt: timestamp('expires_at'),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at').notNull(),
    updatedAt: timestamp('updated_at').notNull(),
  },
  (t) => [uniqueIndex('comment_bans_kind_value_idx').on(t.kind, t.value), index('comment_bans_expires_idx').on(t.expiresAt)],
);

/** Every moderation decision and settings or account change: who, when, what, before and after. */
export const moderationLog = sqliteTable(
  'moderation_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Null for the system (e.g. a comment sent back to Pending by reader reports). */
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: integer('target_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [index('moderation_log_created_idx').on(t.createdAt)],
);

/**
 * When each cache tag was last invalidated, so that every process on this database learns of it: the
 * app servers' cache handlers (cache-handlers/) and commands such as `privacy:erase` write here, and
 * each server reads what the others wrote before it serves from its memory (db/cache-tags.ts).
 * Milliseconds since the epoch, compared with the times Next gives cache entries. Entries made before
 * `staleAt` are out of date; once `expiredAt` has passed they are not served at all. `updateTag` sets
 * both to now; `revalidateTag(tag, profile)` sets `expiredAt` the profile's `expire` later, and until
 * then the old entry is served while a fresh one is made.
 */
export const cacheTagExpirations = sqliteTable(
  'cache_tag_expirations',
  {
    tag: text('tag').primaryKey(),
    staleAt: integer('stale_at').notNull(),
    expiredAt: integer('expired_at').notNull(),
  },
  (t) => [index('cache_tag_expirations_stale_idx').on(t.staleAt)],
);

export const wordpressImportStatuses = ['queued', 'running', 'done', 'failed'] as const;

/**
 * A WordPress site brought over (`npm run import:wordpress`, or the desk's Import page), keyed on its
 * base URL: everything imported from it is keyed on the site and WordPress's own ids, so a rerun of
 * the same or a newer export updates instead of duplicating (server/wordpress-import.ts).
 */
export const wordpressSites = sqliteTable('wordpress_sites', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** wp:base_site_url as lib/wordpress/addresses.ts normalises it: scheme and host lower-cased, no trailing slash. */
  baseUrl: text('base_url').notNull().unique(),
  title: text('title').notNull().default(''),
  createdAt: timestamp('created_at').notNull(),
});

/**
 * A WordPress post and the story it became. `path` is its old permalink's path (`/2025/02/12/slug/`)
 * and `slug` its old slug: with `wpId` (`/?p=123`, `/archives/123`) they lead an old address to the
 * story's new one. `sourceHash` is a digest of what the export said, so an unchanged post is left alone.
 */
export const wordpressPosts = sqliteTable(
  'wordpress_posts',
  {
    siteId: integer('site_id')
      .notNull()
      .references(() => wordpressSites.id, { onDelete: 'cascade' }),
    wpId: integer('wp_id').notNull(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    path: text('path').notNull(),
    sourceHash: text('source_hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.wpId] }),
    uniqueIndex('wordpress_posts_article_idx').on(t.articleId),
    index('wordpress_posts_wp_id_idx').on(t.wpId),
    index('wordpress_posts_slug_idx').on(t.slug),
    index('wordpress_posts_path_idx').on(t.path),
  ],
);

/** A WordPress comment and the comment it became; `wpId` is also its old `#comment-123` anchor. */
export const wordpressComments = sqliteTable(
  'wordpress_comments',
  {
    siteId: integer('site_id')
      .notNull()
      .references(() => wordpressSites.id, { onDelete: 'cascade' }),
    wpId: integer('wp_id').notNull(),
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    sourceHash: text('source_hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.wpId] }), uniqueIndex('wordpress_comments_comment_idx').on(t.commentId)],
);

export const wordpressTaxonomies = ['category', 'post_tag', 'author'] as const;

/**
 * A WordPress category, tag or author and what it became here: a category a story's section
 * (`sectionId`) and, where it was a story's second category, a topic too (`tagId`); a tag a topic; an
 * author a byline. `slug` is the old address's (`/category/news/`, `/tag/x/`, `/author/login/`), `wpId`
 * the old `?cat=` / `?author=` number when the export gave one.
 */
export const wordpressTerms = sqliteTable(
  'wordpress_terms',
  {
    siteId: integer('site_id')
      .notNull()
      .references(() => wordpressSites.id, { onDelete: 'cascade' }),
    taxonomy: text('taxonomy', { enum: wordpressTaxonomies }).notNull(),
    slug: text('slug').notNull(),
    wpId: integer('wp_id'),
    sectionId: integer('section_id').references(() => sections.id, { onDelete: 'set null' }),
    tagId: integer('tag_id').references(() => tags.id, { onDelete: 'set null' }),
    authorId: integer('author_id').references(() => authors.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.taxonomy, t.slug] }),
    index('wordpress_terms_slug_idx').on(t.taxonomy, t.slug),
    index('wordpress_terms_wp_id_idx').on(t.taxonomy, t.wpId),
  ],
);

/**
 * An import started from the desk: the uploaded file waits in the data folder, one app server's
 * worker claims it (queued → running) and runs the import in a child process, writing its progress
 * here every second or so, which the desk's Import page shows.
 */
export const wordpressImports = sqliteTable(
  'wordpress_imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileName: text('file_name').notNull(),
    /** Where the upload was stored (deleted once the import ends). */
    filePath: text('file_path').notNull(),
    dryRun: integer('dry_run', { mode: 'boolean' }).notNull().default(false),
    mediaFrom: text('media_from').notNull().default(''),
    status: text('status', { enum: wordpressImportStatuses }).notNull().default('queued'),
    /** The import's counts so far (lib/wordpress/progress-text.ts ImportProgress). */
    progress: text('progress', { mode: 'json' }),
    summary: text('summary').notNull().default(''),
    error: text('error').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at').notNull(),
    /** The last progress written; a running import silent for five minutes has stopped (its process died). */
    updatedAt: timestamp('updated_at').notNull(),
    finishedAt: timestamp('finished_at'),
  },
  (t) => [index('wordpress_imports_status_idx').on(t.status, t.createdAt)],
);

/**
 * A reader's (or a member of staff's) email address, as mail knows it (db/mail.ts). `token` is the
 * capability in every manage and unsubscribe link. Nothing but the confirmation letter goes to an
 * address until its owner confirms it; nothing at all once they block it.
 */
export const mailAddresses = sqliteTable('mail_addresses', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Lower-cased. */
  email: text('email').notNull().unique(),
  /** 32 random bytes, base64url. */
  token: text('token').notNull().unique(),
  confirmedAt: timestamp('confirmed_at'),
  /** When the last confirmation letter was queued: at most one a day. */
  confirmationSentAt: timestamp('confirmation_sent_at'),
  /** The owner said "never email me". */
  blockedAt: timestamp('blocked_at'),
  createdAt: timestamp('created_at').notNull(),
});

/**
 * What an address asked to hear about: replies to one comment of theirs (`commentId` set), or every
 * new comment on a story (`commentId` null). One of each per address, kept by two partial unique
 * indexes (a unique index treats NULLs as distinct on both engines), which also serve the fan-out's
 * lookups by comment and by story.
 */
export const mailSubscriptions = sqliteTable(
  'mail_subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    addressId: integer('address_id')
      .notNull()
      .references(() => mailAddresses.id, { onDelete: 'cascade' }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    commentId: integer('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('mail_subscriptions_reply_idx')
      .on(t.commentId, t.addressId)
      .where(sql`${t.commentId} is not null`),
    uniqueIndex('mail_subscriptions_story_idx')
      .on(t.articleId, t.addressId)
      .where(sql`${t.commentId} is null`),
    index('mail_subscriptions_address_idx').on(t.addressId),
  ],
);

/** Letters to send (`recipient` set), and fan-outs that become letters in the background (`recipient` null). */
export const mailLetterKinds = ['confirm', 'reply', 'story', 'held', 'reported'] as const;
export const mailFanOutKinds = ['approved', 'held-fanout', 'reported-fanout'] as const;
export const mailOutboxKinds = [...mailLetterKinds, ...mailFanOutKinds] as const;
export const mailOutboxStatuses = ['queued', 'sending', 'sent', 'failed', 'skipped'] as const;

/**
 * The outbox: every letter and fan-out, kept after it is sent (the desk's counts and problems).
 * `dedupeKey` makes a second queueing of the same thing a no-op. A letter is claimed by one worker
 * at a time (`sending` until `lockedUntil`; a lease that runs out is taken again).
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: mailOutboxKinds }).notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    addressId: integer('address_id').references(() => mailAddresses.id, { onDelete: 'cascade' }),
    recipient: text('recipient'),
    commentId: integer('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'cascade' }),
    status: text('status', { enum: mailOutboxStatuses }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at').notNull(),
    lockedUntil: timestamp('locked_until'),
    lastError: text('last_error'),
    messageId: text('message_id'),
    createdAt: timestamp('created_at').notNull(),
    sentAt: timestamp('sent_at'),
  },
  (t) => [
    index('mail_outbox_claim_idx').on(t.status, t.nextAttemptAt),
    index('mail_outbox_status_sent_idx').on(t.status, t.sentAt),
    index('mail_outbox_address_idx').on(t.addressId),
    index('mail_outbox_comment_idx').on(t.commentId),
    index('mail_outbox_article_idx').on(t.articleId),
  ],
);
