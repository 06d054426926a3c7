import { SaxesParser, type SaxesTagNS } from 'saxes';
import { createUtf8Decoder } from './utf8-chunks';
import { WxrError } from './wxr-error';
import { canonicalName, RECORD_NAMES, recordFromNode, WP_NAMESPACE, type XNode } from './wxr-nodes';
import { SiteRecord, type WxrEvent } from './wxr-records';

export { WxrError } from './wxr-error';
export type * from './wxr-records';

/**
 * Reads a WordPress export (WXR 1.0 to 1.2) as a stream, yielding in document order: the site once
 * its channel header is read, then each author, category, tag and term, and each <item> with its
 * comments as one unit. Memory is bounded by the largest item, never by the file.
 *
 * The bytes must be UTF-8, which is what WordPress writes: a file declaring another encoding, or
 * holding bytes that are not UTF-8, is refused with the spot, rather than read into mojibake.
 * A DOCTYPE is refused outright (a WordPress export has none), so no entity declaration is ever
 * read, let alone expanded. Anything wrong throws a WxrError naming the line and column.
 */
export type WxrInput = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
export type WxrLimits = { maxFieldChars: number; maxAttributeChars: number; maxDepth: number };

export const defaultWxrLimits: WxrLimits = { maxFieldChars: 10 * 1024 * 1024, maxAttributeChars: 64 * 1024, maxDepth: 32 };

const SLICE = 64 * 1024; // text fed to the parser at a time, so the size guards act early
const HEADER_FIELDS: Record<string, keyof typeof SiteRecord.shape> = {
  title: 'title', link: 'link', description: 'description', language: 'language',
  'wp:wxr_version': 'wxrVersion', 'wp:base_site_url': 'baseSiteUrl', 'wp:base_blog_url': 'baseBlogUrl',
};

const sizeLabel = (chars: number) => (chars >= 1024 * 1024 ? `${Math.round(chars / 1024 / 1024)} MB` : `${Math.round(chars / 1024)} KB`);

export async function* readWxr(input: WxrInput, options: { limits?: Partial<WxrLimits> } = {}): AsyncGenerator<WxrEvent> {
  const limits = { ...defaultWxrLimits, ...options.limits };
  const parser = new SaxesParser({ xmlns: true });
  const decoder = createUtf8Decoder();
  const queue: WxrEvent[] = [];
  const open: { name: string; line: number; column: number }[] = [];
  const nodes: XNode[] = []; // the record being read (depth 2 and below)
  const header: Record<string, string> = {};
  let namespaceVersion = '';
  let siteSent = false;
  let startTag: string | null = null;
  let lastEventAt = 0;
  let seenXml = false;
  let rootSeen = false;

  const fail = (reason: string): never => {
    throw new WxrError(parser.line, parser.column + 1, reason);
  };
  const mark = () => {
    lastEventAt = parser.position;
  };
  const sendSite = () => {
    if (siteSent) return;
    siteSent = true;
    const raw: Record<string, string> = { ...header, kind: 'site', wxrVersion: header.wxrVersion || namespaceVersion };
    raw.baseSiteUrl ||= raw.link ?? '';
    raw.baseBlogUrl ||= raw.baseSiteUrl;
    queue.push(SiteRecord.parse(raw));
  };
  const appendText = (piece: string) => {
    mark();
    const node = nodes.at(-1);
    if (!node) return;
    if (node.text.length + piece.length > limits.maxFieldChars) {
      fail(`<${node.name}> holds more than ${sizeLabel(limits.maxFieldChars)} of text; the reader refuses fields this large`);
    }
    node.text += piece;
  };

  parser.on('error', (err) => {
    const reason = `malformed XML: ${err.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')}`;
    fail(rootSeen ? reason : `this is not a WordPress export (WXR): ${reason}`);
  });
  parser.on('xmldecl', (decl) => {
    mark();
    const encoding = decl.encoding?.toLowerCase();
    if (encoding && !['utf-8', 'utf8', 'us-ascii', 'ascii'].includes(encoding)) {
      fail(`the file declares the encoding ${decl.encoding}; this reader takes UTF-8 only (convert the file, e.g. iconv -f ${decl.encoding} -t UTF-8, and change the declaration)`);
    }
  });
  parser.on('doctype', (doctype) => {
    if (/^\s*html\b/i.test(doctype)) fail('this is an HTML page, not a WordPress export (WXR)');
    fail('the file has a DOCTYPE declaration; a WordPress export has none, and this reader refuses them so that no entity is ever expanded');
  });
  parser.on('comment', mark);
  parser.on('processinginstruction', mark);
  parser.on('text', appendText);
  parser.on('cdata', appendText);
  parser.on('opentagstart', (tag) => {
    mark();
    startTag = tag.name;
    if (open.length >= limits.maxDepth) fail(`elements nested deeper than ${limits.maxDepth} levels; a WordPress export nests a handful`);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    mark();
    startTag = null;
    const name = canonicalName(tag.uri, tag.local);
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.value.length > limits.maxAttributeChars) fail(`the attribute ${attr.name} of <${tag.name}> is longer than ${sizeLabel(limits.maxAttributeChars)}`);
      if (!attr.uri) attrs[attr.local] = attr.value;
    }
    const depth = open.length;
    open.push({ name, line: parser.line, column: parser.column + 1 });
    if (depth === 0) {
      rootSeen = true;
      checkRoot(tag, name);
    }
    if (depth === 1 && name !== 'channel') fail(`expected <channel> inside <rss>, found <${tag.name}>`);
    if (depth === 2 && RECORD_NAMES.has(name)) sendSite();
    if (depth >= 2) {
      const node: XNode = { name, attrs, text: '', children: [], line: parser.line, column: parser.column + 1 };
      const parent = nodes.at(-1);
      if (parent) {
        parent.text = ''; // the whitespace between a record's fields is never read
        parent.children.push(node);
      }
      nodes.push(node);
    }
  });
  parser.on('closetag', () => {
    mark();
    const closed = open.pop();
    if (open.length === 1 && closed?.name === 'channel') sendSite();
    const node = open.length >= 2 ? nodes.pop() : undefined;
    if (!node || nodes.length > 0) return;
    if (RECORD_NAMES.has(node.name)) queue.push(recordFromNode(node));
    else if (!siteSent && node.name in HEADER_FIELDS) header[HEADER_FIELDS[node.name]!] = node.text.trim();
  });

  function checkRoot(tag: SaxesTagNS, name: string) {
    if (name !== 'rss') fail(`this is not a WordPress export (WXR): the document is <${tag.name}>, not <rss>`);
    const uris = Object.values(tag.ns);
    const wp = uris.map((uri) => WP_NAMESPACE.exec(uri)).find(Boolean);
    if (wp) {
      namespaceVersion = wp[1]!;
      return;
    }
    const other = uris.find((uri) => /wordpress\.org\/export\/[^/]+\/$/.test(uri)) ?? uris.find((uri) => /wordpress\.org\/export\//.test(uri));
    if (other) fail(`this WordPress export uses the namespace ${other}; this reader knows WXR 1.0, 1.1 and 1.2`);
    fail('this is not a WordPress export (WXR): no <rss> with the wp: namespace (is it an ordinary RSS feed?)');
  }

  // How many characters were handed to the parser. Its `position` is right inside its handlers, but
  // after a write it counts the last chunk twice (saxes adds the chunk to its base and keeps the index).
  let fed = 0;
  const write = (text: string) => {
    parser.write(text);
    fed += text.length;
  };
  const writeSlice = (slice: string) => {
    let text = slice;
    if (!seenXml) {
      const start = text.search(/\S/);
      if (start < 0) return write(text);
      seenXml = true;
      write(text.slice(0, start));
      text = text.slice(start);
      if (text[0] !== '<') fail(`this is not a WordPress export (WXR): it is not XML (it starts with ${JSON.stringify(text.slice(0, 12))})`);
    }
    write(text);
    const gap = fed - lastEventAt;
    if (startTag !== null && gap > limits.maxAttributeChars) fail(`the start tag <${startTag}> is longer than ${sizeLabel(limits.maxAttributeChars)} (a huge attribute?)`);
    if (gap > limits.maxFieldChars) fail(`more than ${sizeLabel(limits.maxFieldChars)} of text in one piece${open.length ? ` inside <${open.at(-1)!.name}>` : ''}; the reader refuses fields this large`);
  };
  /** Every record that closed before an error is handed over before the error is thrown. */
  function* feed(text: string): Generator<WxrEvent> {
    for (let i = 0; i < text.length; i += SLICE) {
      try {
        writeSlice(text.slice(i, i + SLICE));
      } catch (error) {
        yield* queue.splice(0);
        throw error;
      }
      yield* queue.splice(0);
    }
  }

  for await (const chunk of input) {
    const step = typeof chunk === 'string' ? { text: chunk, error: null } : decoder.decode(chunk);
    yield* feed(step.text);
    if (step.error) fail(step.error);
  }
  const last = decoder.end();
  yield* feed(last.text);
  if (last.error) fail(last.error);
  if (!seenXml) fail('the file is empty');
  if (open.length > 0) {
    const record = nodes[0];
    const inner = open.at(-1)!;
    const where = record ? `<${record.name}> (opened at line ${record.line})${inner.name !== record.name ? `, in <${inner.name}>` : ''}` : `<${inner.name}>`;
    fail(`the file ends inside ${where} (truncated?)`);
  }
  parser.close();
  if (!siteSent) fail('this is not a WordPress export (WXR): the <rss> has no <channel>');
}
