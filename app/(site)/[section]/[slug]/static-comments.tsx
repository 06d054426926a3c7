import { listApprovedComments } from '@/db/comments';
import type { CommentOrder } from '@/lib/comment-order';
import { CommentsSection } from './comments-section';
import { cachedFormToken, type loadArticle } from './article-view';

type Loaded = Awaited<ReturnType<typeof loadArticle>>;

/** The thread as every reader sees it: approved comments only, cached with the page. */
export async function StaticComments({
  loaded,
  page,
  order = 'oldest',
  replyTo,
}: {
  loaded: Loaded;
  page: number;
  order?: CommentOrder;
  replyTo?: { id: number; name: string } | null;
}) {
  const { article, settings, path, open } = loaded;
  const [approved, formToken] = await Promise.all([listApprovedComments(article.id), cachedFormToken()]);
  return (
    <CommentsSection
      article={{ id: article.id, path, open }}
      approved={approved}
      page={page}
      order={order}
      threadDepth={settings.threadDepth}
      perPage={settings.commentsPerPage}
      replyTo={replyTo}
      formToken={formToken}
    />
  );
}
