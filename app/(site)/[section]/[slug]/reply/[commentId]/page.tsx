import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { listApprovedComments } from '@/db/comments';
import { parsePage, placeholderParam } from '@/lib/params';
import { buildThread, pageOfComment } from '@/lib/thread';
import { ArticleView, articleMetadata, type ArticleParams, loadArticle } from '../../article-view';
import { StaticComments } from '../../static-comments';

type Props = { params: Promise<Awaited<ArticleParams> & { commentId: string }> };

export function generateStaticParams() {
  return [{ section: placeholderParam, slug: placeholderParam, commentId: placeholderParam }];
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return { ...(await articleMetadata(props.params)), robots: { index: false, follow: true } };
}

/**
 * `/{section}/{slug}?replytocom=ID` (rewritten here): the no-JavaScript Reply link. The page of the
 * thread that holds the comment, with the form set to reply to it.
 */
export default async function ReplyPage(props: Props) {
  const id = parsePage((await props.params).commentId);
  if (id === null) notFound();
  const loaded = await loadArticle(props.params);
  const approved = await listApprovedComments(loaded.article.id);
  const parent = approved.find((comment) => comment.id === id);
  if (!parent || !loaded.open) notFound();
  const page = pageOfComment(buildThread(approved, loaded.settings.threadDepth), loaded.settings.commentsPerPage, id) ?? 1;
  return (
    <ArticleView
      article={loaded.article}
      related={loaded.related}
      comments={<StaticComments loaded={loaded} page={page} replyTo={{ id, name: parent.authorName }} />}
    />
  );
}
