import autocannon from 'autocannon';

/** A multipart body as a browser without JavaScript sends a server action form. */
export function multipart(fields: [string, string][]) {
  const boundary = `----bench${Math.random().toString(16).slice(2)}`;
  const body = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The headers a browser sends with a form it posts to the page's own site, besides the body's type:
 * the page's origin and the fetch metadata (`Sec-Fetch-*`, which no page can set). proxy.ts leaves
 * such a post to Next.
 */
export function formPostHeaders(origin: string) {
  return { origin, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', 'sec-fetch-user': '?1' };
}

let sequence = 0;

/**
 * Comment posting for `duration` seconds: no-JavaScript form posts of the story's comment action, each
 * from its own address and email, so that only the server's capacity can refuse one. An accepted post
 * is answered 303.
 */
export function postComments(options: { origin: string; path: string; articleId: number; actionId: string; duration: number; connections?: number }) {
  const { origin, path, articleId, actionId, duration, connections = 10 } = options;
  return new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(
      {
        url: `${origin}${path}`,
        connections,
        duration,
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              sequence += 1;
              const { body, contentType } = multipart([
                [`$ACTION_ID_${actionId}`, ''],
                ['articleId', String(articleId)],
                ['parentId', ''],
                ['name', `Bench Reader ${sequence}`],
                ['email', `reader${sequence}.${Date.now()}@example.com`],
                ['url', ''],
                ['comment', `A benchmark comment, number ${sequence}, about the story.`],
                ['token', ''],
              ]);
              return {
                ...request,
                body,
                headers: {
                  'content-type': contentType,
                  'x-forwarded-for': `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence & 255}`,
                  ...formPostHeaders(origin),
                },
              };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
}

/**
 * Posts one comment as a new reader without JavaScript and returns the cookies the answer set, as a
 * `Cookie` header: that reader's held comment (`bs_pending`) and the marker of the story's per-reader
 * view (`bs_yours`). With them, each request for the story is rendered for that reader.
 */
export async function heldCommentCookies(options: { origin: string; path: string; articleId: number; actionId: string }): Promise<string> {
  const { origin, path, articleId, actionId } = options;
  const id = crypto.randomUUID();
  const { body, contentType } = multipart([
    [`$ACTION_ID_${actionId}`, ''],
    ['articleId', String(articleId)],
    ['parentId', ''],
    ['name', 'Bench Held Reader'],
    ['email', `held.${id}@example.com`],
    ['url', ''],
    ['comment', `A held benchmark comment ${id}.`],
    ['token', ''],
  ]);
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { 'content-type': contentType, 'x-forwarded-for': '10.255.255.254', ...formPostHeaders(origin) },
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';', 1)[0]!).filter((pair) => !pair.endsWith('='));
  if (response.status !== 303 || !cookies.some((pair) => pair.startsWith('bs_yours='))) throw new Error(`posting a held comment answered ${response.status}, cookies: ${cookies.join('; ')}`);
  return cookies.join('; ');
}
