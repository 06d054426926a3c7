import path from 'node:path';

/** Where the SQLite database lives; its folder also holds the generated secret and the initial admin's password. */
export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH || './data/broadsheet.db');
}

export function dataDir(): string {
  return path.dirname(databasePath());
}

/** Where photos uploaded on the desk are kept (MEDIA_PATH, default the data folder's media/): outside the build, so a deploy keeps them. */
export function mediaPath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.MEDIA_PATH || path.join(dataDir(), 'media'));
}

/** The public origin, without a trailing slash, used for every absolute URL. */
export function siteUrl(): string {
  return (process.env.SITE_URL || 'http://localhost:3000').replace(/\/+$/, '');
}

/** Whether cookies are marked `Secure`: when the public origin is served over HTTPS. */
export function secureCookies(): boolean {
  return siteUrl().startsWith('https://');
}
