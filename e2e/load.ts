import fs from 'node:fs';

/** Comment posts made the way a browser without JavaScript makes them, for load and crash tests. */

export function postCommentActionId(): string {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === 'app/(site)/[section]/[slug]/actions.ts' && entry.exportedName === 'postComment',
  );
  if (!found) throw new Error('postComment is not in the build');
  return found[0];
}

export type PostOutcome = { n: number; email: string; status: number; location: string; body: string; acknowledged: boolean };

/** One reader's post: their own address and email, so that only real trouble can refuse it. */
export async function postComment(origin: string, path: string, articleId: number, actionId: string, n: number): Promise<PostOutcome> {
  const email = `load.${n}.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const form = new FormData();
  form.set(`$ACTION_ID_${actionId}`, '');
  form.set('articleId', String(articleId));
  form.set('parentId', '');
  form.set('name', `Load Reader ${n}`);
  form.set('email', email);
  form.set('url', '');
  form.set('comment', `Comment number ${n} under load, ${crypto.randomUUID()}`);
  form.set('token', '');
  try {
    const response = await fetch(`${origin}${path}`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
      headers: { 'X-Forwarded-For': `10.77.${(n >> 8) & 255}.${n & 255}`, Origin: origin },
    });
    const location = response.headers.get('location') ?? '';
    const body = response.status === 303 ? '' : await response.text();
    return { n, email, status: response.status, location, body, acknowledged: response.status === 303 && /\/comments\/\d+$/.test(location) };
  } catch {
    return { n, email, status: 0, location: '', body: '', acknowledged: false };
  }
}
