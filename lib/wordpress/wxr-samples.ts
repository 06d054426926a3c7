/**
 * Small WordPress exports written the way WordPress writes them, for tests and benchmarks: one
 * item at a time, and a generated export of any size as a stream of strings (never one string).
 */
export type SampleComment = {
  id: number; author?: string; email?: string; url?: string; ip?: string; date?: string;
  content?: string; approved?: string; type?: string; parent?: number; userId?: number;
};
export type SampleItem = {
  id: number; title?: string; slug?: string; type?: string; status?: string; date?: string; dateGmt?: string;
  content?: string; excerpt?: string; creator?: string; parent?: number; menuOrder?: number; sticky?: boolean;
  commentStatus?: string; password?: string; attachmentUrl?: string;
  terms?: { domain: string; slug: string; name: string }[]; meta?: Record<string, string>; comments?: SampleComment[];
};

const SITE = 'https://news.example';

export function cdata(text: string) {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

export function sampleComment(c: SampleComment) {
  const date = c.date ?? '2025-02-12 15:05:00';
  return `
      <wp:comment>
        <wp:comment_id>${c.id}</wp:comment_id>
        <wp:comment_author>${cdata(c.author ?? `Reader ${c.id}`)}</wp:comment_author>
        <wp:comment_author_email>${cdata(c.email ?? `reader${c.id}@example.com`)}</wp:comment_author_email>
        <wp:comment_author_url>${c.url ?? ''}</wp:comment_author_url>
        <wp:comment_author_IP>${cdata(c.ip ?? '203.0.113.7')}</wp:comment_author_IP>
        <wp:comment_date>${cdata(date)}</wp:comment_date>
        <wp:comment_date_gmt>${cdata(date)}</wp:comment_date_gmt>
        <wp:comment_content>${cdata(c.content ?? `Comment ${c.id}.`)}</wp:comment_content>
        <wp:comment_approved>${cdata(c.approved ?? '1')}</wp:comment_approved>
        <wp:comment_type>${cdata(c.type ?? 'comment')}</wp:comment_type>
        <wp:comment_parent>${c.parent ?? 0}</wp:comment_parent>
        <wp:comment_user_id>${c.userId ?? 0}</wp:comment_user_id>
      </wp:comment>`;
}

export function sampleItem(i: SampleItem) {
  const slug = i.slug ?? `story-${i.id}`;
  const date = i.date ?? '2025-02-12 14:30:00';
  const terms = (i.terms ?? []).map((t) => `
    <category domain="${t.domain}" nicename="${t.slug}">${cdata(t.name)}</category>`).join('');
  const meta = Object.entries(i.meta ?? {}).map(([k, v]) => `
    <wp:postmeta><wp:meta_key>${cdata(k)}</wp:meta_key><wp:meta_value>${cdata(v)}</wp:meta_value></wp:postmeta>`).join('');
  return `
  <item>
    <title>${cdata(i.title ?? `Story ${i.id}`)}</title>
    <link>${SITE}/${slug}/</link>
    <pubDate>Wed, 12 Feb 2025 14:30:00 +0000</pubDate>
    <dc:creator>${cdata(i.creator ?? 'admin')}</dc:creator>
    <guid isPermaLink="false">${SITE}/?p=${i.id}</guid>
    <description></description>
    <content:encoded>${cdata(i.content ?? `<p>Body of story ${i.id}.</p>`)}</content:encoded>
    <excerpt:encoded>${cdata(i.excerpt ?? '')}</excerpt:encoded>
    <wp:post_id>${i.id}</wp:post_id>
    <wp:post_date>${cdata(date)}</wp:post_date>
    <wp:post_date_gmt>${cdata(i.dateGmt ?? date)}</wp:post_date_gmt>
    <wp:comment_status>${cdata(i.commentStatus ?? 'open')}</wp:comment_status>
    <wp:ping_status>${cdata('closed')}</wp:ping_status>
    <wp:post_name>${cdata(slug)}</wp:post_name>
    <wp:status>${cdata(i.status ?? 'publish')}</wp:status>
    <wp:post_parent>${i.parent ?? 0}</wp:post_parent>
    <wp:menu_order>${i.menuOrder ?? 0}</wp:menu_order>
    <wp:post_type>${cdata(i.type ?? 'post')}</wp:post_type>
    <wp:post_password>${cdata(i.password ?? '')}</wp:post_password>
    <wp:is_sticky>${i.sticky ? 1 : 0}</wp:is_sticky>${i.attachmentUrl ? `
    <wp:attachment_url>${cdata(i.attachmentUrl)}</wp:attachment_url>` : ''}${terms}${meta}${(i.comments ?? []).map(sampleComment).join('')}
  </item>`;
}

export function sampleHead(version = '1.2') {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
  xmlns:excerpt="http://wordpress.org/export/${version}/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/${version}/">
<channel>
  <title>Sample News</title>
  <link>${SITE}</link>
  <description>A sample</description>
  <language>en-GB</language>
  <wp:wxr_version>${version}</wp:wxr_version>
  <wp:base_site_url>${SITE}</wp:base_site_url>
  <wp:base_blog_url>${SITE}</wp:base_blog_url>
  <wp:author><wp:author_id>1</wp:author_id><wp:author_login>${cdata('admin')}</wp:author_login><wp:author_email>${cdata('admin@news.example')}</wp:author_email><wp:author_display_name>${cdata('The Desk')}</wp:author_display_name><wp:author_first_name>${cdata('')}</wp:author_first_name><wp:author_last_name>${cdata('')}</wp:author_last_name></wp:author>
`;
}
export const sampleTail = '\n</channel>\n</rss>\n';

/** A whole export as one string: for small tests only. */
export function sampleExport(items: SampleItem[], version = '1.2') {
  return sampleHead(version) + items.map(sampleItem).join('') + sampleTail;
}

/**
 * A generated export of `items` posts, each with `commentsPerItem` comments (every third a reply,
 * every fifth pending) and a body of about `bodyBytes`,
 * yielded a piece at a time so that a test or benchmark never holds the whole file.
 */
export function* syntheticExport({ items, commentsPerItem, bodyBytes = 800 }: { items: number; commentsPerItem: number; bodyBytes?: number }): Generator<string> {
  const body = 'Words of the story. '.repeat(Math.ceil(bodyBytes / 20)).slice(0, bodyBytes);
  yield sampleHead();
  let commentId = 1;
  for (let id = 1; id <= items; id++) {
    const comments: SampleComment[] = [];
    for (let k = 0; k < commentsPerItem; k++, commentId++) {
      comments.push({ id: commentId, parent: k % 3 === 2 ? commentId - 1 : 0, approved: k % 5 === 4 ? '0' : '1' });
    }
    yield sampleItem({ id, content: `<p>Story ${id}. ${body}</p>`, comments });
  }
  yield sampleTail;
}
