/**
 * The SQLite side of posting a comment: prepared better-sqlite3 statements in better-sqlite3's own
 * IMMEDIATE transaction, the posting benchmark's hot path. db/comments.ts holds the rules' other
 * engine and the public function.
 */
import 'server-only';
import { and, eq, gt, or, type SQL, sql } from 'drizzle-orm';
import type { Decision } from '@/lib/comment-rules';
import type { InsertResult, NewComment } from '../comments';
import { db, type Db, preparedOnce } from '../client';
import { mailAfterPosting } from '../mail-posting';
import { comments } from '../schema';
import { runInOpenSqliteTransaction } from '../transact';

/**
 * The checks a new comment runs before it is written (duplicate, flood, an earlier approved comment),
 * with placeholders; exported unprepared so that db/query-plans.test.ts plans these very queries.
 */
export function postingChecks(database: Db) {
  const p = sql.placeholder;
  const duplicateOf = (parent: SQL) =>
    database
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.articleId, p('articleId')), eq(comments.authorEmail, p('email')), parent, eq(comments.body, p('body'))))
      .limit(1);
  return {
    // `+` keeps SQLite off the parent index for this term (its documented unary-plus rule): most
    // comments have no parent, but ANALYZE's sqlite_stat1 counts a few rows per parent_id, so with
    // those statistics alone (no sqlite_stat4) the planner took the index and read every top-level
    // comment: 43 ms a post on the bench's site. The email index is what keeps this check short.
    duplicateTopLevel: duplicateOf(sql`+${comments.parentId} is null`),
    duplicateReply: duplicateOf(eq(comments.parentId, p('parentId'))),
    recent: database
      .select({ id: comments.id })
      .from(comments)
      .where(and(or(eq(comments.ip, p('ip')), eq(comments.authorEmail, p('email'))), gt(comments.createdAt, p('since'))))
      .limit(1),
    approvedBefore: database
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.authorEmail, p('email')), eq(comments.status, 'approved')))
      .limit(1),
  };
}

/** The queries of a new comment, prepared once (see preparedOnce). Drizzle encodes the inserted
 * values as usual; a placeholder in a WHERE is bound as given, so times there are in ms. */
const postingQueries = preparedOnce(db, (database) => {
  const p = sql.placeholder;
  const checks = postingChecks(database);
  const queries = {
    duplicateTopLevel: checks.duplicateTopLevel.prepare(),
    duplicateReply: checks.duplicateReply.prepare(),
    recent: checks.recent.prepare(),
    approvedBefore: checks.approvedBefore.prepare(),
    insert: database
      .insert(comments)
      .values({
        articleId: p('articleId'),
        parentId: p('parentId'),
        authorName: p('name'),
        authorEmail: p('email'),
        authorUrl: p('url'),
        body: p('body'),
        ip: p('ip'),
        userAgent: p('userAgent'),
        status: p('status'),
        heldReason: p('heldReason'),
        createdAt: p('createdAt'),
      })
      .returning({ id: comments.id })
      .prepare(),
  };
  // better-sqlite3's own transaction keeps its BEGIN IMMEDIATE and COMMIT statements prepared too.
  const transaction = database.$client.transaction(
    (input: NewComment, decide: (hasApprovedComment: boolean) => Decision): InsertResult => {
      const { fields, now } = input;
      const duplicate =
        input.parentId === null
          ? queries.duplicateTopLevel.get({ articleId: input.articleId, email: fields.email, body: fields.body })
          : queries.duplicateReply.get({ articleId: input.articleId, email: fields.email, body: fields.body, parentId: input.parentId });
      if (duplicate) return { kind: 'duplicate' };

      if (input.floodIntervalSeconds > 0) {
        const since = now.getTime() - input.floodIntervalSeconds * 1000;
        if (queries.recent.get({ ip: fields.ip, email: fields.email, since })) return { kind: 'flood' };
      }

      const decision = decide(queries.approvedBefore.get({ email: fields.email }) !== undefined);
      const row = queries.insert.get({
        articleId: input.articleId,
        parentId: input.parentId,
        name: fields.name,
        email: fields.email,
        url: fields.url,
        body: fields.body,
        ip: fields.ip,
        userAgent: fields.userAgent,
        status: decision.status,
        heldReason: decision.reason,
        createdAt: now,
      });
      // Mail (when it is on): the subscriptions and letters this comment sets off, in this same transaction.
      const posted = { id: row!.id, articleId: input.articleId, email: fields.email, status: decision.status };
      const mail = input.mail ? runInOpenSqliteTransaction(database, (tx) => mailAfterPosting(tx, posted, input.mail!, now)) : undefined;
      return { kind: 'created', id: row!.id, status: decision.status, mail };
    },
  );
  return { transaction };
});

/** insertComment on SQLite: one IMMEDIATE transaction over the statements prepared above. */
export function insertCommentOnSqlite(input: NewComment, decide: (hasApprovedComment: boolean) => Decision): InsertResult {
  return postingQueries().transaction.immediate(input, decide);
}
