import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { listApprovedComments } from '@/db/comments';
import { parsePage, placeholderParam } from '@/lib/params';
import { buildThread, countPages } from '@/lib/thread';
import { ArticleView, articleMetadata, type ArticleParams, loadArticle } from '../../article-view';
import { StaticComments } from '../../static-comments';

type Props = { params: Promise<Awaited<ArticleParams> & { cpage: string }> };

export function generateStaticParams() {
  return [{ section: placeholderParam, slug: placeholderParam, cpage: placeholderParam }];
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { ...(await articleMetadata(props.params)), robots: { index: false, follow: true } };
}

/** `/{section}/{slug}?cpage=N` (rewritten here): page N of a long thread, static like page 1. */
export default async function CommentPage(props: Props) {
  const page = parsePage((await props.params).cpage);
  if (page === null) notFound();
  const loaded = await loadArticle(props.params);
  const roots = buildThread(await listApprovedComments(loaded.article.id), loaded.settings.threadDepth);
  if (page > countPages(roots, loaded.settings.commentsPerPage)) notFound();
  return <ArticleView article={loaded.article} related={loaded.related} comments={<StaticComments loaded={loaded} page={page} />} />;
}
