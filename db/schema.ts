/**
 * The tables the app queries, for the engine this process runs on (db/engine.ts): SQLite's
 * (db/sqlite/schema.ts, where drizzle-kit reads them) or PostgreSQL's twins (db/pg/schema.ts), chosen
 * when this module is first imported. Both give Drizzle the same JavaScript values (db/pg/schema.test.ts
 * checks they match), so queries are written once, against the SQLite types.
 */
import * as postgres from './pg/schema';
import * as sqlite from './sqlite/schema';
import { databaseEngine } from './engine';

export * from './sqlite/schema';

const onPostgres = databaseEngine() === 'postgres';

type Tables = { [K in keyof typeof sqlite & keyof typeof postgres]: (typeof sqlite)[K] };
const table = <K extends keyof Tables>(name: K): Tables[K] => (onPostgres ? (postgres[name] as unknown as Tables[K]) : sqlite[name]);

export const sections = table('sections');
export const authors = table('authors');
export const authorRedirects = table('authorRedirects');
export const articles = table('articles');
export const articleAuthors = table('articleAuthors');
export const storyRedirects = table('storyRedirects');
export const storyCorrections = table('storyCorrections');
export const storyRevisions = table('storyRevisions');
export const tags = table('tags');
export const articleTags = table('articleTags');
export const comments = table('comments');
export const settings = table('settings');
export const users = table('users');
export const loginFailures = table('loginFailures');
export const commentReports = table('commentReports');
export const commentLikes = table('commentLikes');
export const commentBans = table('commentBans');
export const moderationLog = table('moderationLog');
export const cacheTagExpirations = table('cacheTagExpirations');
export const wordpressSites = table('wordpressSites');
export const wordpressPosts = table('wordpressPosts');
export const wordpressComments = table('wordpressComments');
export const wordpressTerms = table('wordpressTerms');
export const wordpressImports = table('wordpressImports');
export const mailAddresses = table('mailAddresses');
export const mailSubscriptions = table('mailSubscriptions');
export const mailOutbox = table('mailOutbox');
