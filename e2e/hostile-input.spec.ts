import type { APIRequestContext } from '@playwright/test';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { comments } from '../db/schema';
import { expect, makeArticle, serverActionId, test, type TestArticle } from './fixtures';
import { expectNothingRan, invalidUtf8Payloads, PAYLOAD_HOST, watch, XSS_SENTINEL, xssPayloads } from './xss-payloads';

/**
 * Every hostile string of e2e/xss-payloads.ts goes through every field of "Leave a Reply", posted as
 * a browser without JavaScript posts the form. The server may refuse a value (a `javascript:`
 * website, a 5,000-character name); what it accepts must come back to readers as the same text,
 * inert: no dialog, nothing logged by a payload, no request to the payloads' host, and no markup
 * inside #comments that we did not write.
 */

type Payload = { label: string; value: string | Uint8Array };
type Field = 'name' | 'url' | 'comment' | 'email';

const payloads: Payload[] = [
  ...xssPayloads.map((value, i) => ({ label: `#${i} ${JSON.stringify(value.slice(0, 40))}`, value })),
  ...invalidUtf8Payloads.map(({ label, bytes }) => ({ label: `bytes: ${label}`, value: bytes })),
];

/** Elements and attributes that only an injection could put inside #comments. */
const FORBIDDEN_TAGS = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'img', 'image', 'video', 'audio', 'source', 'style', 'link', 'meta', 'base', 'marquee', 'isindex'];
/** Fewer than the 50 top-level comments a page of the thread shows, so every one is on the page. */
const BATCH = 40;

/** The value as the comment form stores it: UTF-8 decoded, CRLF as LF, control characters dropped, trimmed. */
function asStored(value: string | Uint8Array): string {
  const text = typeof value === 'string' ? value.toWellFormed() : new TextDecoder().decode(value);
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .trim();
}

/** Paragraphs and line breaks are markup, so text is compared without its whitespace. */
const squash = (text: string) => text.replace(/\s+/g, '');

/** An address the form accepts with the payload in it, or null when the payload cannot be part of one. */
function emailWith(payload: Payload, tag: string): string | null {
  if (typeof payload.value !== 'string') return null;
  const address = `${payload.value}+${tag}@example.com`;
  return address.length <= 254 && z.email().safeParse(address).success ? address : null;
}

/** An address of its own for every post (IPv6 documentation range): flood control allows one comment per address every 15 seconds. */
function distinctIp() {
  const hex = crypto.randomUUID().replace(/-/g, '').slice(0, 24);
  return `2001:db8:${hex.match(/.{4}/g)!.join(':')}`;
}

const uniqueTag = () => crypto.randomUUID().replace(/-/g, '').slice(0, 12);

/** A multipart body made by hand, so that bytes which are not UTF-8 reach the server as they are. */
function multipartBody(fields: [string, string | Uint8Array][]) {
  const boundary = `----broadsheet-${crypto.randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), Buffer.from(value), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

type Posted = { payload: Payload; status: number; id: number | null; email: string };

/** "Leave a Reply" without JavaScript: the action's id field and the form's fields, one hostile. */
async function postHostile(request: APIRequestContext, article: TestArticle, actionId: string, field: Field, payload: Payload): Promise<Posted> {
  const tag = uniqueTag();
  const email = field === 'email' ? emailWith(payload, tag)! : `hostile.${tag}@example.com`;
  const { body, contentType } = multipartBody([
    [`$ACTION_ID_${actionId}`, ''],
    ['articleId', String(article.id)],
    ['parentId', ''],
    ['name', field === 'name' ? payload.value : `Hostile ${field} ${tag}`],
    ['email', email],
    ['url', field === 'url' ? payload.value : ''],
    ['comment', field === 'comment' ? payload.value : `Carrying a hostile ${field} ${tag}`],
    ['token', ''],
  ]);
  const response = await request.post(article.path, {
    data: body,
    headers: { 'Content-Type': contentType, 'X-Forwarded-For': distinctIp() },
    maxRedirects: 0,
  });
  const id = /\/comments\/(\d+)$/.exec(response.headers()['location'] ?? '')?.[1];
  return { payload, status: response.status(), id: id ? Number(id) : null, email: email.toLowerCase() };
}

/** Everything a payload that ran could leave behind. */

for (const field of ['name', 'url', 'comment', 'email'] as const) {
  const candidates = field === 'email' ? payloads.filter((payload) => emailWith(payload, uniqueTag()) !== null) : payloads;
  for (let start = 0; start < candidates.length; start += BATCH) {
    const batch = candidates.slice(start, start + BATCH);
    test(`hostile ${field} values ${start + 1}–${start + batch.length} of ${candidates.length} are stored as typed and shown as inert text`, async ({
      page,
      request,
      article,
      db,
    }) => {
      test.setTimeout(120_000);
      const actionId = serverActionId('app/(site)/[section]/[slug]/actions.ts', 'postComment');
      const posted = await mapLimit(batch, 6, (payload) => postHostile(request, article, actionId, field, payload));

      const serverErrors = posted.filter((p) => p.status >= 500).map((p) => `${p.status} ${p.payload.label}`);
      expect(serverErrors, 'posts answered with a server error').toEqual([]);
      const accepted = posted.filter((p) => p.id !== null);
      const refused = posted.filter((p) => p.id === null);
      if (refused.length) {
        const stored = await db.select({ id: comments.id }).from(comments).where(inArray(comments.authorEmail, refused.map((p) => p.email)));
        expect(stored, 'comments stored for refused posts').toEqual([]);
      }
      if (field === 'name' || field === 'comment') expect(accepted.length, 'payloads accepted').toBeGreaterThan(0);

      const ids = accepted.map((p) => p.id!);
      const rows = new Map(
        (ids.length ? await db.select().from(comments).where(inArray(comments.id, ids)) : []).map((row) => [row.id, row]),
      );
      for (const p of accepted) {
        const row = rows.get(p.id!)!;
        const stored = { name: row.authorName, url: row.authorUrl, comment: row.body, email: row.authorEmail }[field];
        const expected = field === 'email' ? p.email : asStored(p.payload.value);
        expect.soft(stored, `stored ${field} of ${p.payload.label}`).toBe(expected);
      }

      // A refused post re-renders the story, caching its thread as it was then; approvals written
      // straight to the database would not show there. So the accepted comments move to a story that
      // no request has touched yet, and are approved before its page is first asked for.
      const shown = await makeArticle(db);
      if (ids.length) await db.update(comments).set({ status: 'approved', articleId: shown.id }).where(inArray(comments.id, ids));

      const seen = watch(page);
      const response = await page.goto(shown.path);
      expect(response?.status()).toBe(200);
      await expectNothingRan(page, seen);

      const findings = await page.locator('#comments').evaluate((root, forbidden) => {
        const found: string[] = [];
        for (const element of root.querySelectorAll('*')) {
          const tag = element.tagName.toLowerCase();
          if (forbidden.includes(tag)) found.push(`<${tag}>`);
          for (const attribute of element.getAttributeNames()) {
            if (attribute.startsWith('on') || attribute === 'srcdoc' || attribute === 'formaction') found.push(`<${tag} ${attribute}>`);
          }
        }
        // Inside the thread our only forms are a comment's Like and Report forms.
        for (const element of root.querySelectorAll('li.comment form:not(.report-form):not(.like-form)')) found.push(`<form class="${element.className}">`);
        for (const element of root.querySelectorAll('li.comment *')) {
          if (element.hasAttribute('style')) found.push(`<${element.tagName.toLowerCase()} style>`);
          for (const attribute of ['href', 'src', 'xlink:href']) {
            const value = element.getAttribute(attribute);
            if (value !== null && !/^(https?:\/\/|\/(?!\/)|#|\?)/i.test(value)) found.push(`<${element.tagName.toLowerCase()} ${attribute}="${value.slice(0, 60)}">`);
          }
        }
        return found;
      }, FORBIDDEN_TAGS);
      expect(findings, 'markup inside #comments that we did not write').toEqual([]);
      await expect(page.locator('#comments li.comment')).toHaveCount(ids.length);

      const onPage = await page.evaluate((commentIds) => {
        return commentIds.map((id) => {
          const item = document.getElementById(`comment-${id}`);
          const author = item?.querySelector(':scope > article .comment-author');
          return {
            id,
            author: author?.textContent ?? null,
            href: author?.querySelector('a.url')?.getAttribute('href') ?? null,
            content: item?.querySelector(':scope > article .comment-content')?.textContent ?? null,
          };
        });
      }, ids);
      for (const shownComment of onPage) {
        const row = rows.get(shownComment.id)!;
        const label = accepted.find((p) => p.id === shownComment.id)!.payload.label;
        expect.soft(shownComment.author, `name shown for ${label}`).toBe(row.authorName);
        expect.soft(shownComment.href, `website link for ${label}`).toBe(row.authorUrl === '' ? null : row.authorUrl);
        expect.soft(squash(shownComment.content ?? ''), `comment text shown for ${label}`).toBe(squash(row.body));
      }
      if (field === 'email') {
        const html = await page.content();
        const text = await page.evaluate(() => document.documentElement.textContent ?? '');
        for (const p of accepted) {
          expect.soft(html, `email of ${p.payload.label} in the HTML`).not.toContain(p.email);
          expect.soft(text, `email of ${p.payload.label} in the text`).not.toContain(p.email);
        }
      }
    });
  }
}

/** Raw bytes as a query string carries them: every byte percent-encoded, valid UTF-8 or not. */
const percentEncoded = (bytes: Uint8Array) => Array.from(bytes, (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');

const SEARCH_BATCH = 45;
for (let start = 0; start < payloads.length; start += SEARCH_BATCH) {
  const batch = payloads.slice(start, start + SEARCH_BATCH);
  test(`hostile search queries ${start + 1}–${start + batch.length} of ${payloads.length} answer without a server error and run nothing`, async ({ page }) => {
    test.setTimeout(120_000);
    const seen = watch(page);
    for (const payload of batch) {
      const query = typeof payload.value === 'string' ? encodeURIComponent(payload.value.toWellFormed()) : percentEncoded(payload.value);
      const response = await page.goto(`/search?q=${query}`);
      expect.soft(response?.status() ?? 0, `status for ${payload.label}`).toBeLessThan(500);
    }
    await expectNothingRan(page, seen);
  });
}

// The watch above passes only if it would have seen a payload run: each way a payload shows itself
// is caught, its handler firing after the page has loaded (a bare page: the site's
// Content-Security-Policy would refuse the request to the payloads' host before it was made).
const ran = [
  ['a dialog', `<img src="/no-such-image.png" onerror="alert(1)">`, 'dialogs opened by a payload'],
  ['the sentinel logged', `<img src="/no-such-image.png" onerror="console.log('${XSS_SENTINEL}')">`, 'console messages from a payload'],
  ['window.__xssFired', `<input autofocus onfocus="window.__xssFired = true">`, 'window.__xssFired'],
  ['a request to the payloads’ host', `<img src="/no-such-image.png" onerror="fetch('https://${PAYLOAD_HOST}/x').catch(() => {})">`, 'requests that left the site'],
] as const;
for (const [what, markup, failure] of ran) {
  test(`the watch of hostile pages catches ${what}`, async ({ page }) => {
    await page.route(`https://${PAYLOAD_HOST}/**`, (route) => route.abort());
    const seen = watch(page);
    await page.setContent(`<!doctype html><title>A payload</title>${markup}`);
    await expect(expectNothingRan(page, seen)).rejects.toThrow(failure);
  });
}
