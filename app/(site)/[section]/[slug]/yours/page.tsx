import { CommentsSection } from '../comments-section';
import { issueFormToken, POSTED_FLASH } from '@/lib/comment-cookies';
import { readFlash } from '@/lib/flash';
import type { PostCommentState } from '../actions';
import { parseCommentOrder } from '@/lib/comment-order';
import { parsePage, placeholderParam } from '@/lib/params';
import { ArticleView, articleMetadata, type ArticleParams, loadArticle } from '../article-view';
import { ownCommentsOn } from './own-comments';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Props = { params: ArticleParams; searchParams: SearchParams };

export function generateStaticParams() {
  return [{ section: placeholderParam, slug: placeholderParam }];
}

// Renders whole, before the first byte: without JavaScript a streamed-in part would never appear.
export const instant = false;

export function generateMetadata(props: Props) {
  return articleMetadata(props.params);
}

/**
 * The article for a browser that has comments awaiting moderation or still editable (proxy.ts
 * rewrites here when the `bs_yours` marker is on this story's path; the signed `bs_pending` and
 * `bs_own` cookies say which). The story comes from the same cached reads as everyone's; the page is
 * rendered per request so the held comments are shown to their author alone. Once none is left here,
 * proxy.ts drops the marker at the browser's next visit and sends it to the cached page
 * (server/own-view.ts).
 */
export default async function ArticleWithOwnComments(props: Props) {
  const loaded = await loadArticle(props.params);
  return (
    <ArticleView
      article={loaded.article}
      related={loaded.related}
      comments={<OwnComments loaded={loaded} searchParams={props.searchParams} />}
    />
  );
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

async function OwnComments({ loaded, searchParams }: { loaded: Awaited<ReturnType<typeof loadArticle>>; searchParams: SearchParams }) {
  const { article, settings, path, open } = loaded;
  const { pending, approved, editable } = await ownCommentsOn(article.id);
  const query = await searchParams;
  const replyId = parsePage(first(query.replytocom) ?? '0');
  const parent = replyId && open ? approved.find((comment) => comment.id === replyId) : undefined;
  return (
    <CommentsSection
      article={{ id: article.id, path, open }}
      approved={approved}
      own={pending}
      editable={editable}
      page={parsePage(first(query.cpage)) ?? 1}
      order={parseCommentOrder(first(query.corder)) ?? 'oldest'}
      threadDepth={settings.threadDepth}
      perPage={settings.commentsPerPage}
      replyTo={parent ? { id: parent.id, name: parent.authorName } : null}
      formToken={issueFormToken(new Date())}
      posted={await readFlash<PostCommentState>(POSTED_FLASH)}
    />
  );
}
