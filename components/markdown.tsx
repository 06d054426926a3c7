import Markdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';

/**
 * Article bodies are Markdown written by the newsroom. Raw HTML in them is dropped (`skipHtml`), and
 * what Markdown produces is sanitized with GitHub's allow-list, so no script or event handler can ride
 * along in content; `#` headings become `h2` so the headline stays the page's only `h1`.
 */
export function MarkdownBody({ source }: { source: string }) {
  return (
    <Markdown
      skipHtml
      remarkPlugins={[remarkGfm]}
      rehypePlugins={[rehypeSanitize]}
      components={{ h1: 'h2' }}
    >
      {source}
    </Markdown>
  );
}
