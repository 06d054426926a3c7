import type { ReactNode } from 'react';
import { parseCommentText } from '@/lib/comment-text';

/**
 * A reader's comment, rendered from plain text: paragraphs, kept line breaks, and bare http(s) URLs
 * as nofollow links. All text goes through React's escaping; no HTML or Markdown is interpreted.
 *
 * Each paragraph's children are a flat list, and a paragraph of plain text is just its string: every
 * wrapper here is repeated in the page's RSC payload for each comment (a page of a long thread
 * carries up to 50 of them).
 */
export function CommentBody({ body }: { body: string }) {
  return parseCommentText(body).map((paragraph, p) => {
    const children: ReactNode[] = [];
    paragraph.forEach((line, l) => {
      if (l > 0) children.push(<br key={`br-${l}`} />);
      line.forEach((segment, s) => {
        children.push(
          segment.type === 'link' ? (
            <a key={`a-${l}-${s}`} href={segment.href} rel="nofollow ugc noopener">
              {segment.text}
            </a>
          ) : (
            segment.text
          ),
        );
      });
    });
    return <p key={p}>{children.length === 1 && typeof children[0] === 'string' ? children[0] : children}</p>;
  });
}
