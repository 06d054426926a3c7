import Link from 'next/link';
import { Fragment } from 'react';
import { authorPath, bylineParts, type Byline } from '@/lib/bylines';

/** "By Ada and Bo", each name linking to its author page. */
export function Bylines({ bylines, rel }: { bylines: readonly Byline[]; rel?: 'author' }) {
  return (
    <>
      By{' '}
      {bylineParts(bylines).map((part, index) =>
        part.type === 'name' ? (
          <Link key={index} href={authorPath(part.byline)} rel={rel}>
            {part.byline.name}
          </Link>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
