import { describe, expect, it } from 'vitest';
import { countLinks, parseCommentText, type CommentSegment } from './comment-text';

const text = (t: string): CommentSegment => ({ type: 'text', text: t });
const link = (t: string, href = t): CommentSegment => ({ type: 'link', text: t, href });

/** The segments of a single-line comment. */
function line(body: string): CommentSegment[] {
  const paragraphs = parseCommentText(body);
  expect(paragraphs).toHaveLength(1);
  expect(paragraphs[0]).toHaveLength(1);
  return paragraphs[0]![0]!;
}

const links = (body: string) =>
  parseCommentText(body)
    .flat(2)
    .filter((s) => s.type === 'link');

describe('parseCommentText: paragraphs and lines', () => {
  it('returns nothing for an empty or blank body', () => {
    expect(parseCommentText('')).toEqual([]);
    expect(parseCommentText('   \n\t\n  ')).toEqual([]);
  });

  it('makes one paragraph of one line of plain text', () => {
    expect(parseCommentText('Hello there')).toEqual([[[text('Hello there')]]]);
  });

  it('trims the whole body', () => {
    expect(parseCommentText('\n\n  Hello  \n\n')).toEqual([[[text('Hello')]]]);
  });

  it('keeps single line breaks as lines within a paragraph', () => {
    expect(parseCommentText('one\ntwo\nthree')).toEqual([[[text('one')], [text('two')], [text('three')]]]);
  });

  it('separates paragraphs by a blank line', () => {
    expect(parseCommentText('first\n\nsecond')).toEqual([[[text('first')]], [[text('second')]]]);
  });

  it('treats several blank lines as one paragraph break', () => {
    expect(parseCommentText('first\n\n\n\n\nsecond')).toEqual([[[text('first')]], [[text('second')]]]);
  });

  it('counts whitespace-only lines as blank', () => {
    expect(parseCommentText('first\n   \n\t\nsecond')).toEqual([[[text('first')]], [[text('second')]]]);
    expect(parseCommentText('first\n \u00a0 \nsecond')).toEqual([[[text('first')]], [[text('second')]]]);
  });

  it('normalises CRLF and lone CR', () => {
    expect(parseCommentText('a\r\nb\r\n\r\nc')).toEqual([[[text('a')], [text('b')]], [[text('c')]]]);
    expect(parseCommentText('a\rb\r\rc')).toEqual([[[text('a')], [text('b')]], [[text('c')]]]);
    expect(parseCommentText('a\r\n  \r\nb')).toEqual([[[text('a')]], [[text('b')]]]);
  });

  it('mixes lines and paragraphs', () => {
    expect(parseCommentText('a\nb\n\nc\nd\n\n\ne')).toEqual([
      [[text('a')], [text('b')]],
      [[text('c')], [text('d')]],
      [[text('e')]],
    ]);
  });

  it('never produces empty lines or empty text segments', () => {
    const parsed = parseCommentText('x\n\n \n y \n\nhttps://a.example\n\nz');
    for (const paragraph of parsed) {
      expect(paragraph.length).toBeGreaterThan(0);
      for (const l of paragraph) {
        expect(l.length).toBeGreaterThan(0);
        for (const segment of l) expect(segment.text).not.toBe('');
      }
    }
  });
});

describe('parseCommentText: no HTML or Markdown', () => {
  it('leaves tags as literal text (React escapes them)', () => {
    expect(line('<script>alert(1)</script>')).toEqual([text('<script>alert(1)</script>')]);
    expect(line('<b>bold</b> & <i>x</i>')).toEqual([text('<b>bold</b> & <i>x</i>')]);
  });

  it('leaves Markdown as literal text', () => {
    expect(line('**bold** _em_ `code`')).toEqual([text('**bold** _em_ `code`')]);
    expect(line('# Heading')).toEqual([text('# Heading')]);
    expect(line('[a](b)')).toEqual([text('[a](b)')]);
  });

  it('keeps Markdown link syntax literal around a bare URL', () => {
    expect(line('[click](https://example.com)')).toEqual([
      text('[click]('),
      link('https://example.com'),
      text(')'),
    ]);
  });

  it('does not decode entities', () => {
    expect(line('&lt;b&gt; &amp;')).toEqual([text('&lt;b&gt; &amp;')]);
  });
});

describe('parseCommentText: links', () => {
  it('links a bare https URL', () => {
    expect(line('https://example.com/news/1')).toEqual([link('https://example.com/news/1')]);
  });

  it('links a bare http URL within text', () => {
    expect(line('see http://example.com/a?b=1&c=2#top for more')).toEqual([
      text('see '),
      link('http://example.com/a?b=1&c=2#top'),
      text(' for more'),
    ]);
  });

  it('does not include a full stop at the end of a sentence', () => {
    expect(line('Read https://example.com/story.')).toEqual([
      text('Read '),
      link('https://example.com/story'),
      text('.'),
    ]);
    expect(line('Read https://example.com...')).toEqual([text('Read '), link('https://example.com'), text('...')]);
  });

  it('does not include trailing comma, question mark, exclamation mark, colon or semicolon', () => {
    for (const punct of [',', '?', '!', ':', ';']) {
      expect(line(`at https://example.com${punct} ok`)).toEqual([
        text('at '),
        link('https://example.com'),
        text(`${punct} ok`),
      ]);
    }
  });

  it('does not include a closing parenthesis around a URL', () => {
    expect(line('(see https://example.com/a)')).toEqual([text('(see '), link('https://example.com/a'), text(')')]);
    expect(line('(see https://example.com).')).toEqual([text('(see '), link('https://example.com'), text(').')]);
  });

  it('keeps balanced parentheses that belong to the URL', () => {
    expect(line('https://en.wikipedia.org/wiki/Foo_(bar)')).toEqual([link('https://en.wikipedia.org/wiki/Foo_(bar)')]);
    expect(line('(https://en.wikipedia.org/wiki/Foo_(bar)).')).toEqual([
      text('('),
      link('https://en.wikipedia.org/wiki/Foo_(bar)'),
      text(').'),
    ]);
  });

  it('does not include surrounding quotes or angle brackets', () => {
    expect(line('"https://example.com"')).toEqual([text('"'), link('https://example.com'), text('"')]);
    expect(line('<https://example.com>')).toEqual([text('<'), link('https://example.com'), text('>')]);
  });

  it('links two URLs on one line', () => {
    expect(line('http://a.example and https://b.example/x, both')).toEqual([
      link('http://a.example'),
      text(' and '),
      link('https://b.example/x'),
      text(', both'),
    ]);
  });

  it('treats a comma with no space after it as part of the URL (commas are valid in URLs)', () => {
    expect(line('https://a.example/x,y')).toEqual([link('https://a.example/x,y')]);
    expect(line('https://a.example, https://b.example')).toEqual([
      link('https://a.example'),
      text(', '),
      link('https://b.example'),
    ]);
  });

  it('links URLs on separate lines and paragraphs', () => {
    expect(parseCommentText('https://a.example\nhttps://b.example\n\nhttps://c.example')).toEqual([
      [[link('https://a.example')], [link('https://b.example')]],
      [[link('https://c.example')]],
    ]);
  });

  it('matches the scheme case-insensitively, keeping the text as typed and a lower-case scheme in href', () => {
    expect(line('HTTPS://Example.com/Path')).toEqual([link('HTTPS://Example.com/Path', 'https://Example.com/Path')]);
    expect(line('Http://example.com')).toEqual([link('Http://example.com', 'http://example.com')]);
  });

  it('links hosts with ports, IP addresses and non-ASCII paths', () => {
    expect(line('http://localhost:3000/x')).toEqual([link('http://localhost:3000/x')]);
    expect(line('http://192.0.2.1/x')).toEqual([link('http://192.0.2.1/x')]);
    expect(line('https://example.com/café')).toEqual([link('https://example.com/café')]);
  });

  it('does not link www. hosts or bare domains', () => {
    expect(line('www.example.com')).toEqual([text('www.example.com')]);
    expect(line('go to example.com now')).toEqual([text('go to example.com now')]);
  });

  it('does not link javascript: or data: URLs', () => {
    expect(line('javascript:alert(1)')).toEqual([text('javascript:alert(1)')]);
    expect(line('JavaScript:alert(document.cookie)')).toEqual([text('JavaScript:alert(document.cookie)')]);
    expect(line('data:text/html,<script>alert(1)</script>')).toEqual([text('data:text/html,<script>alert(1)</script>')]);
    expect(line('javascript://example.com/%0Aalert(1)')).toEqual([text('javascript://example.com/%0Aalert(1)')]);
  });

  it('does not link other schemes or emails', () => {
    expect(line('ftp://example.com/file')).toEqual([text('ftp://example.com/file')]);
    expect(line('file:///etc/passwd')).toEqual([text('file:///etc/passwd')]);
    expect(line('mailto:a@example.com')).toEqual([text('mailto:a@example.com')]);
    expect(line('write to a@example.com')).toEqual([text('write to a@example.com')]);
  });

  it('does not link look-alike schemes', () => {
    expect(line('hxxps://example.com')).toEqual([text('hxxps://example.com')]);
    expect(line('https:/example.com')).toEqual([text('https:/example.com')]);
    expect(line('https://')).toEqual([text('https://')]);
  });

  it('only ever produces http(s) hrefs', () => {
    const body = [
      'javascript:https://example.com',
      'xhttps://evil.example',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1) https://ok.example',
      'www.a.example b.example c@d.example',
    ].join('\n');
    const found = links(body);
    expect(found.length).toBeGreaterThan(0);
    for (const segment of found) {
      if (segment.type !== 'link') throw new Error('unreachable');
      expect(segment.href).toMatch(/^https?:\/\//);
      expect(segment.text).toMatch(/^https?:\/\//i);
    }
  });

  it('keeps every character: the segments of a line join back to the line', () => {
    const lines = [
      'see https://example.com/a?b=<script>, (and http://x.example/y_(z)). ok',
      '<a href="https://example.com">x</a>',
      '**https://example.com** and www.example.com',
    ];
    for (const l of lines) expect(line(l).map((s) => s.text).join('')).toBe(l);
  });
});

describe('countLinks', () => {
  it('is 0 for text without http(s) links', () => {
    expect(countLinks('')).toBe(0);
    expect(countLinks('hello www.example.com a@example.com javascript:alert(1)')).toBe(0);
  });

  it('counts each http(s) link, across lines and paragraphs', () => {
    expect(countLinks('https://a.example')).toBe(1);
    expect(countLinks('https://a.example and http://b.example')).toBe(2);
    expect(countLinks('https://a.example\nhttps://b.example\n\nhttps://c.example')).toBe(3);
  });

  it('counts the same URL twice if it appears twice', () => {
    expect(countLinks('https://a.example https://a.example')).toBe(2);
  });

  it('agrees with parseCommentText', () => {
    const body = 'x https://a.example, (https://b.example) www.c.example\r\n\r\nhttp://d.example.';
    expect(countLinks(body)).toBe(links(body).length);
    expect(countLinks(body)).toBe(3);
  });
});
