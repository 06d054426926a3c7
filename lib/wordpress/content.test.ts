import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MarkdownBody } from '@/components/markdown';
import { wordpressCommentText, wordpressExcerptText, wordpressToMarkdown } from './content';
import { readWordpressFixture } from '../../test/wordpress-fixture';

const markdown = (html: string) => wordpressToMarkdown(html).markdown;
/** The story body as readers get it: the Markdown through the site's own renderer. */
const rendered = (html: string) => renderToStaticMarkup(createElement(MarkdownBody, { source: markdown(html) }));

describe('wordpressToMarkdown: classic editor content', () => {
  it('reads blank lines as paragraphs and single newlines as line breaks, as wpautop does', () => {
    const html = 'First paragraph, line one.\nLine two.\n\nSecond paragraph.\n\n\n\nThird.';
    expect(markdown(html)).toBe('First paragraph, line one.  \nLine two.\n\nSecond paragraph.\n\nThird.');
    expect(rendered(html)).toBe('<p>First paragraph, line one.<br/>\nLine two.</p>\n<p>Second paragraph.</p>\n<p>Third.</p>');
  });

  it('keeps paragraphs around block tags written by hand', () => {
    const html = 'Intro text\n<blockquote>Quoted words</blockquote>\nAfter the quote\n<h3>A heading</h3>\nClosing words';
    expect(markdown(html)).toBe('Intro text\n\n> Quoted words\n\nAfter the quote\n\n### A heading\n\nClosing words');
  });

  it('converts emphasis, links, code, lists and rules', () => {
    const html = [
      '<p>A <strong>bold</strong> and <em>quiet</em> claim, <a href="https://example.com/report">the report</a>, <code>x = 1</code>.</p>',
      '<ol><li>first</li><li>second</li></ol>',
      '<hr />',
      '<pre>line one\n  indented\n</pre>',
    ].join('\n');
    expect(markdown(html)).toBe(
      'A **bold** and *quiet* claim, [the report](https://example.com/report), `x = 1`.\n\n1.  first\n2.  second\n\n---\n\n```\nline one\n  indented\n```',
    );
  });

  it('turns HTML entities into characters', () => {
    expect(markdown('It&#8217;s 5&nbsp;km &amp; &ldquo;close&rdquo; &#x2014; &hellip;')).toBe('It’s 5\u00a0km & “close” — …');
  });

  it('escapes text that would read as Markdown, HTML or an entity', () => {
    const html = '<p># Not a heading</p><p>1. Not a list</p><p>*not emphasis* and [not](a link)</p><p>&lt;b&gt;literal&lt;/b&gt; &amp;amp; ~gone~</p>';
    const out = markdown(html);
    expect(out).toContain('\\# Not a heading');
    expect(out).toContain('1\\. Not a list');
    const page = rendered(html);
    expect(page).not.toMatch(/<h\d|<ol|<em>|<a |<b>|<del>/);
    expect(page).toContain('# Not a heading');
    expect(page).toContain('&lt;b&gt;literal&lt;/b&gt; &amp;amp; ~gone~');
  });

  it('makes an h1 in the body an h2 (the headline is the page h1)', () => {
    expect(markdown('<h1>Top</h1><h2>Second</h2><h4>Fourth</h4>')).toBe('## Top\n\n## Second\n\n#### Fourth');
    expect(markdown('<h2>Line one<br>line two</h2>')).toBe('## Line one line two');
  });

  it('keeps nested lists nested', () => {
    const html = '<ul>\n<li>one\n<ul>\n<li>one.a</li>\n<li>one.b<ol><li>deep</li></ol></li>\n</ul>\n</li>\n<li>two</li>\n</ul>';
    expect(markdown(html)).toBe('-   one\n    -   one.a\n    -   one.b\n        1.  deep\n-   two');
    expect(rendered(html)).toMatch(/<ul>\s*<li>one\s*<ul>\s*<li>one.a<\/li>\s*<li>one.b\s*<ol>\s*<li>deep<\/li>/);
  });
});

describe('wordpressToMarkdown: block editor content', () => {
  const blocks = [
    '<!-- wp:paragraph -->\n<p>Opening paragraph with <a href="/2024/01/02/older-story/">an older story</a>.</p>\n<!-- /wp:paragraph -->',
    '<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Section</h3>\n<!-- /wp:heading -->',
    '<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>item one</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>item two</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->',
    '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>We will rebuild.</p>\n<!-- /wp:paragraph --><cite>The mayor</cite></blockquote>\n<!-- /wp:quote -->',
    '<!-- wp:pullquote -->\n<figure class="wp-block-pullquote"><blockquote><p>A pulled line.</p><cite>A resident</cite></blockquote></figure>\n<!-- /wp:pullquote -->',
    '<!-- wp:image {"id":12,"sizeSlug":"large"} -->\n<figure class="wp-block-image size-large"><img src="https://old.example/wp-content/uploads/2025/02/bridge.jpg" alt="The bridge at dusk" class="wp-image-12" width="1024" height="683"/><figcaption class="wp-element-caption">The bridge, <em>closed</em> since May.</figcaption></figure>\n<!-- /wp:image -->',
    '<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->',
    '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ","type":"video","providerNameSlug":"youtube"} -->\n<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div><figcaption>The council meeting</figcaption></figure>\n<!-- /wp:embed -->',
    '<!-- wp:separator -->\n<hr class="wp-block-separator has-alpha-channel-opacity"/>\n<!-- /wp:separator -->',
    '<!-- wp:html -->\n<div class="widget"><span>Custom</span> <marquee>markup</marquee><script>track()</script></div>\n<!-- /wp:html -->',
    '<!-- wp:paragraph -->\n<p>Closing paragraph.</p>\n<!-- /wp:paragraph -->',
  ].join('\n\n');

  it('converts every block and leaves none of the block comments', () => {
    const { markdown: out, images } = wordpressToMarkdown(blocks);
    expect(out).toBe(
      [
        'Opening paragraph with [an older story](/2024/01/02/older-story/).',
        '### Section',
        '-   item one\n-   item two',
        '> We will rebuild.\n> \n> — The mayor',
        '> A pulled line.\n> \n> — A resident',
        '*The bridge, closed since May.*',
        '[https://www.youtube.com/watch?v=dQw4w9WgXcQ](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n\nThe council meeting',
        '---',
        'Custom markup',
        'Closing paragraph.',
      ].join('\n\n'),
    );
    expect(out).not.toMatch(/wp:|<!--|more-->/);
    expect(images).toEqual([
      { src: 'https://old.example/wp-content/uploads/2025/02/bridge.jpg', alt: 'The bridge at dusk', caption: 'The bridge, closed since May.', width: 1024, height: 683 },
    ]);
  });

  it('does not add line breaks to block content (WordPress skips wpautop for blocks)', () => {
    expect(markdown('<!-- wp:paragraph -->\n<p>one\ntwo</p>\n<!-- /wp:paragraph -->')).toBe('one two');
  });

  it('renders through the site renderer with no raw HTML', () => {
    const page = renderToStaticMarkup(createElement(MarkdownBody, { source: wordpressToMarkdown(blocks).markdown }));
    expect(page).toContain('<h3>Section</h3>');
    expect(page).toContain('<blockquote>');
    expect(page).toContain('<a href="/2024/01/02/older-story/">an older story</a>');
    expect(page).not.toMatch(/<script|<marquee|<img|<iframe|<figure|wp-block/);
  });
});

describe('wordpressToMarkdown: images', () => {
  const captioned =
    'Before.\n\n[caption id="attachment_7" align="alignright" width="300"]<a href="https://old.example/full.jpg"><img class="size-medium wp-image-7" src="https://old.example/wp-content/uploads/flood-300x200.jpg" alt="Flooded street" width="300" height="200" /></a> Water on Mill Lane &amp; <strong>Bridge St</strong>[/caption]\n\nAfter.';

  it('reads a [caption] shortcode: the image is collected and its caption stays in the text', () => {
    const { markdown: out, images } = wordpressToMarkdown(captioned);
    expect(out).toBe('Before.\n\n*Water on Mill Lane & Bridge St*\n\nAfter.');
    expect(images).toEqual([
      { src: 'https://old.example/wp-content/uploads/flood-300x200.jpg', alt: 'Flooded street', caption: 'Water on Mill Lane & Bridge St', width: 300, height: 200 },
    ]);
  });

  it('reads the caption attribute of older [caption] shortcodes', () => {
    const { images } = wordpressToMarkdown('[caption id="a" caption="Old style"]<img src="/wp-content/uploads/a.jpg" alt="" />[/caption]');
    expect(images).toEqual([{ src: '/wp-content/uploads/a.jpg', alt: '', caption: 'Old style' }]);
  });

  it('collects a bare <img> in order and leaves nothing in the text for it', () => {
    const { markdown: out, images } = wordpressToMarkdown('<p>One <img src="https://old.example/a.png" alt="A"> two</p><img src="https://old.example/b.png">');
    expect(out).toMatch(/^One +two$/);
    expect(images.map((image) => image.src)).toEqual(['https://old.example/a.png', 'https://old.example/b.png']);
  });

  it('shows an image where imageSrc says the site now serves it, and leaves out one it returns null for', () => {
    const html = `${captioned}\n\n<img src="https://old.example/second.jpg" alt="Second [photo]">`;
    const { markdown: out } = wordpressToMarkdown(html, {
      imageSrc: (image) => (image.src.includes('flood') ? null : '/media/photos/second (1).jpg'),
    });
    expect(out).toBe('Before.\n\nAfter.\n\n![Second \\[photo\\]](/media/photos/second%20%281%29.jpg)');
  });
});

describe('wordpressToMarkdown: embeds and shortcodes', () => {
  it('links a URL alone on its line, as WordPress would embed it', () => {
    expect(markdown('Watch this:\n\nhttps://www.youtube.com/watch?v=abc_123\n\nThen read on.')).toBe(
      'Watch this:\n\n[https://www.youtube.com/watch?v=abc\\_123](https://www.youtube.com/watch?v=abc_123)\n\nThen read on.',
    );
    expect(markdown('See https://example.com/in-a-sentence for more.')).toBe('See https://example.com/in-a-sentence for more.');
  });

  it('links an iframe to its source and drops its contents', () => {
    expect(markdown('<iframe src="https://player.vimeo.com/video/42" onload="x()"><script>alert(1)</script>fallback</iframe>')).toBe(
      '[https://player.vimeo.com/video/42](https://player.vimeo.com/video/42)',
    );
    expect(markdown('<iframe src="javascript:alert(1)"></iframe><iframe src="data:text/html,<script>alert(1)</script>"></iframe>')).toBe('');
  });

  it('links [embed], [video] and [audio], keeps [gallery] and unknown shortcodes as text, and runs none', () => {
    const html = '[embed width="500"]https://twitter.com/user/status/1[/embed]\n\n[video mp4="https://old.example/v.mp4"][/video]\n\n[audio src="https://old.example/a.mp3"]\n\n[gallery ids="1,2,3"]\n\n[contact-form-7 id="9"] and [sic]';
    expect(markdown(html)).toBe(
      [
        '[https://twitter.com/user/status/1](https://twitter.com/user/status/1)',
        '[https://old.example/v.mp4](https://old.example/v.mp4)',
        '[https://old.example/a.mp3](https://old.example/a.mp3)',
        '\\[gallery ids="1,2,3"\\]',
        '\\[contact-form-7 id="9"\\] and \\[sic\\]',
      ].join('\n\n'),
    );
  });

  it('never links a shortcode to a URL that is not http(s)', () => {
    expect(markdown('[embed]javascript:alert(1)[/embed]')).toBe('\\[embed\\]javascript:alert(1)\\[/embed\\]');
  });
});

describe('wordpressToMarkdown: hostile input', () => {
  it('drops scripts, styles and event handlers', () => {
    const html = '<p onclick="steal()">Safe words<script>alert(1)</script><style>p{}</style></p><img src=x onerror=alert(1)><svg onload=alert(1)><text>svg</text></svg>';
    const { markdown: out, images } = wordpressToMarkdown(html);
    expect(out).toBe('Safe words');
    expect(images).toEqual([]);
  });

  it('keeps only the words of javascript:, data: and vbscript: links, however they are spelled', () => {
    const hrefs = ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java&#x09;script:alert(1)', '&#106;avascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)', '\u0001javascript:alert(1)'];
    for (const href of hrefs) {
      expect(markdown(`<a href="${href}">x</a>`), href).toBe('x');
    }
    expect(markdown('<a href="javascript:alert(1)">x</a>')).toBe('x');
    expect(markdown('<a href="mailto:desk@example.com">Write to us</a>')).toBe('[Write to us](mailto:desk@example.com)');
  });

  it('never collects an image from a data: or javascript: source', () => {
    const { images } = wordpressToMarkdown('<img src="data:image/png;base64,AAAA"><img src="javascript:alert(1)"><img src="x" onerror="alert(1)">');
    expect(images).toEqual([]);
  });

  it('lets nothing dangerous reach the rendered page', () => {
    const html = [
      '<script>alert(1)</script><img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">x</a> <a href="data:text/html,hi">d</a>',
      '<p>&lt;script&gt;alert(2)&lt;/script&gt; and &lt;img src=x onerror=alert(3)&gt;</p>',
      '[caption]<img src="javascript:alert(4)" onerror="alert(5)"> cap[/caption]',
      '<iframe src="https://evil.example/"></iframe><object data="x.swf"></object><form action="/steal"><input name="a"></form>',
      '[x](javascript:alert(6)) ![y](javascript:alert(7)) <https://ok.example/>',
    ].join('\n\n');
    const page = rendered(html);
    expect(page).not.toMatch(/<script|<img|<iframe|<object|<form|<input|<[a-z]+\s[^>]*\son\w+=|href="(?!https?:)/i);
    expect(page).toContain('<p><em>cap</em></p>');
    expect(page).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('keeps the words of a body nested thousands deep without overflowing the stack', () => {
    expect(markdown(`${'<div><blockquote>'.repeat(5_000)}deep words`)).toMatch(/deep words$/);
    expect(markdown(`${'<ul><li>'.repeat(5_000)}deep item`)).toMatch(/deep item$/);
    expect(wordpressCommentText(`${'<span>'.repeat(50_000)}deep comment`)).toBe('deep comment');
    expect(wordpressExcerptText(`${'<em>'.repeat(50_000)}deep excerpt`)).toBe('deep excerpt');
  });

  it('keeps one space of a long run of non-breaking spaces', () => {
    expect(markdown(`a${'&nbsp;'.repeat(200_000)}b`)).toBe('a\u00a0b');
    expect(markdown(`<!-- wp:paragraph --><p>a${'&#8195;\u3000'.repeat(100_000)}b</p>`)).toBe('a\u2003b');
    expect(wordpressCommentText(`a${'&nbsp;'.repeat(200_000)}b`)).toBe('a\u00a0b');
    expect(markdown('a&nbsp;&nbsp;b')).toBe('a\u00a0\u00a0b');
  });

  it('leaves unclosed shortcodes as text', () => {
    expect(markdown('[caption]'.repeat(3))).toBe('\\[caption\\]'.repeat(3));
    expect(markdown('[caption]'.repeat(100_000))).toHaveLength('\\[caption\\]'.length * 100_000);
    expect(markdown('[embed]'.repeat(100_000) + '[video src="https://a.example/v.mp4"]')).toMatch(/\\\[embed\\\]\n\n\[https:\/\/a\.example\/v\.mp4\]/);
  });

  it('keeps a link whole when a paragraph sits inside it', () => {
    expect(markdown('<a href="https://example.com/"><p>one</p><p>two</p></a>')).toBe('[one two](https://example.com/)');
  });

  it('converts a 1 MB body without stalling', { timeout: 20_000 }, () => {
    const paragraph = 'Words of a long report with <em>emphasis</em>, a <a href="https://example.com/x">link</a> &amp; an entity.\n';
    const big = `${paragraph.repeat(Math.ceil(1_000_000 / paragraph.length))}\n\n`;
    expect(markdown(big).length).toBeGreaterThan(500_000);
    // Patterns that backtrack quadratically on long runs must not be among ours.
    for (const hostile of ['<'.repeat(1_000_000), `[a ${'b'.repeat(1_000_000)}`, `${' '.repeat(1_000_000)}x`, '<pre '.repeat(200_000)]) {
      expect(typeof markdown(hostile)).toBe('string');
    }
  });
});

describe('wordpressToMarkdown: the exported fixture', () => {
  const xml = readWordpressFixture().toString('utf8');
  const body = /<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/.exec(xml)?.[1] ?? '';

  it('keeps the post’s headings, paragraphs and lists', () => {
    expect(body).toContain('<!-- wp:heading -->');
    const out = markdown(body);
    expect(out).toContain('## A Renewed Push for Diplomacy\n\n');
    expect(out).toContain('## Who’s on Trump’s Negotiation Team?');
    expect(out).toMatch(/^President Donald Trump has launched his first major diplomatic initiative/);
    expect(out).toContain('-   Secretary of State Marco Rubio will take the lead on formal diplomatic discussions.\n-   CIA Director');
    expect(out).not.toMatch(/wp:|<!--|<\/?[a-z]+>/);
    const page = renderToStaticMarkup(createElement(MarkdownBody, { source: out }));
    expect(page.match(/<h2>/g)?.length).toBe(body.match(/<h2>/g)?.length);
    expect(page.match(/<p>/g)?.length).toBe(body.match(/<!-- wp:paragraph -->/g)?.length);
  });
});

describe('wordpressCommentText', () => {
  it('keeps words and line breaks, with a blank line between paragraphs', () => {
    expect(wordpressCommentText('First line\nsecond line\n\nNew paragraph.')).toBe('First line\nsecond line\n\nNew paragraph.');
    expect(wordpressCommentText('<p>One<br />two</p><p>Three</p>')).toBe('One\ntwo\n\nThree');
  });

  it('spells out a link only when its address is http(s) and not already its words', () => {
    expect(wordpressCommentText('See <a href="https://example.com/report" rel="nofollow">the report</a>.')).toBe('See the report (https://example.com/report).');
    expect(wordpressCommentText('<a href="https://example.com/">https://example.com/</a>')).toBe('https://example.com/');
    expect(wordpressCommentText('<a href="https://example.com/">example.com</a>')).toBe('example.com');
    expect(wordpressCommentText('<a href="javascript:alert(1)">click</a> <a href="/relative">here</a>')).toBe('click here');
  });

  it('drops tags and scripts to their text, keeps quotes as quotes, decodes entities', () => {
    const html = '<blockquote>You said\nthis</blockquote>\n\n<strong>Agreed</strong> &amp; <em>more</em> &#8220;quoted&#8221;<script>alert(1)</script><img src=x onerror=alert(1)>';
    expect(wordpressCommentText(html)).toBe('> You said\n> this\n\nAgreed & more “quoted”');
  });

  it('keeps what looks like markup in the text as text', () => {
    expect(wordpressCommentText('I typed &lt;b&gt; and **stars** and # hash')).toBe('I typed <b> and **stars** and # hash');
  });
});

describe('wordpressExcerptText', () => {
  it('makes one plain paragraph', () => {
    expect(wordpressExcerptText('<p>Talks   begin&nbsp;today &amp; <em>tomorrow</em>.</p>\n<p>More <a href="https://x.example">here</a>.</p><script>x()</script>')).toBe(
      'Talks begin today & tomorrow. More here.',
    );
    expect(wordpressExcerptText('')).toBe('');
  });
});

describe('plain comments and excerpts skip the parser with the same result', () => {
  // Words, white space of every kind and Markdown's own characters, strung together at random: the
  // text with no markup (the fast path) against the same text behind an empty element (the parser).
  const pieces = ['word', 'two words', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\n \n', 'a.b', '*', '_x_', '#', '1.', '-', 'http://x.y/z', '[a](b)', '\\', '`', '"', "'", 'é', '  \n  ', '\n\n\n'];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const samples = Array.from({ length: 2000 }, () => Array.from({ length: Math.floor(random() * 12) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));

  it('for comments', () => {
    for (const text of samples) expect(wordpressCommentText(text), JSON.stringify(text)).toBe(wordpressCommentText(`<span></span>${text}`));
  });

  it('for excerpts', () => {
    for (const text of samples) expect(wordpressExcerptText(text), JSON.stringify(text)).toBe(wordpressExcerptText(`<span></span>${text}`));
  });
});
