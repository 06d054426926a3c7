import { Fragment } from 'react';
import { parseCommentText } from '@/lib/comment-text';

/**
 * A reader's comment, rendered from plain text: paragraphs, kept line breaks, and bare http(s) URLs
 * as nofollow links. All text goes through React's escaping; no HTML or Markdown is interpreted.
 */
export function CommentBody({ body }: { body: string }) {
  return (
    <>
      {parseCommentText(body).map((paragraph, p) => (
        <p key={p}>
          {paragraph.map((line, l) => (
            <Fragment key={l}>
              {l > 0 && <br />}
              {line.map((segment, s) =>
                segment.type === 'link' ? (
                  <a key={s} href={segment.href} rel="nofollow ugc noopener">
                    {segment.text}
                  </a>
                ) : (
                  <Fragment key={s}>{segment.text}</Fragment>
                ),
              )}
            </Fragment>
          ))}
        </p>
      ))}
    </>
  );
}
