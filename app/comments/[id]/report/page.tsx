import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CommentBody } from '@/components/comment-body';
import { reportComment } from '@/app/(site)/[section]/[slug]/report-actions';
import { ReportControl } from '@/components/comments/report-control';
import { getReportableComment } from '@/db/reports';
import { parsePage, placeholderParam } from '@/lib/params';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Report a comment', robots: { index: false } };

export function generateStaticParams() {
  return [{ id: placeholderParam }];
}

/** Where "Report" leads without JavaScript: the comment and the report form, open. */
export default async function ReportPage(props: Props) {
  const id = parsePage((await props.params).id);
  const comment = id === null ? null : await getReportableComment(id);
  if (!comment) notFound();
  const path = `/${comment.sectionSlug}/${comment.slug}`;
  return (
    <div className="article-page report-page">
      <p className="kicker">Report a comment</p>
      <h1>Report {comment.authorName}’s comment</h1>
      <p>
        On <Link href={path}>{comment.headline}</Link>
      </p>
      <blockquote className="desk-quote">
        <CommentBody body={comment.body} />
      </blockquote>
      <ReportControl action={reportComment} commentId={comment.id} startOpen />
      <p>
        <a href={`${path}#comment-${comment.id}`}>Back to the conversation</a>
      </p>
    </div>
  );
}
