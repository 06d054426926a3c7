import autocannon from 'autocannon';

/** A multipart body as a browser without JavaScript sends a server action form. */
export function multipart(fields: [string, string][]) {
  const boundary = `----bench${Math.random().toString(16).slice(2)}`;
  const body = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
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
                  origin,
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
