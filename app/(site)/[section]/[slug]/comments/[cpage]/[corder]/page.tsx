import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { listApprovedComments } from '@/db/comments';
import { defaultCommentOrder, parseCommentOrder } from '@/lib/comment-order';
import { parsePage, placeholderParam } from '@/lib/params';
import { buildThread, countPages, sortThreads } from '@/lib/thread';
import { ArticleView, articleMetadata, type ArticleParams, loadArticle } from '../../../article-view';
import { StaticComments } from '../../../static-comments';

type Props = { params: Promise<Awaited<ArticleParams> & { cpage: string; corder: string }> };

export function generateStaticParams() {
  return [{ section: placeholderParam, slug: placeholderParam, cpage: placeholderParam, corder: placeholderParam }];
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { ...(await articleMetadata(props.params)), robots: { index: false, follow: true } };
}

/**
 * `/{section}/{slug}?corder=newest&cpage=N` (rewritten here by proxy.ts): page N of the thread in a
 * reader's order, a static page like every other page of the thread, one per order and page. Oldest
 * first keeps its own addresses (`comments/[cpage]` and the story's), so it has none here.
 */
export default async function SortedCommentPage(props: Props) {
  const { cpage, corder } = await props.params;
  const page = parsePage(cpage);
  const order = parseCommentOrder(corder);
  if (page === null || order === null || order === defaultCommentOrder) notFound();
  const loaded = await loadArticle(props.params);
  // Pages hold whole conversations up to a budget, so how many there are depends on the order.
  const roots = sortThreads(buildThread(await listApprovedComments(loaded.article.id), loaded.settings.threadDepth), order);
  if (page > countPages(roots, loaded.settings.commentsPerPage)) notFound();
  return <ArticleView article={loaded.article} related={loaded.related} comments={<StaticComments loaded={loaded} page={page} order={order} />} />;
}
