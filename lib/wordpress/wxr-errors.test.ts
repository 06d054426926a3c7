import { describe, expect, it } from 'vitest';
import { readWxr, WxrError, type WxrEvent, type WxrLimits } from './wxr';
import { sampleExport, sampleHead, sampleItem, sampleTail } from './wxr-samples';
import { readWordpressFixture } from '../../test/wordpress-fixture';

const fixtureBytes = readWordpressFixture();
const fixture = fixtureBytes.toString('utf8');

/** Reads to the end; returns what was yielded before the error, and the error. */
async function readUntilError(input: Parameters<typeof readWxr>[0], limits?: Partial<WxrLimits>) {
  const events: WxrEvent[] = [];
  try {
    for await (const event of readWxr(input, { limits })) events.push(event);
  } catch (error) {
    expect(error).toBeInstanceOf(WxrError);
    return { events, error: error as WxrError };
  }
  throw new Error('expected a WxrError');
}
const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

describe('readWxr refuses what is not a WordPress export', () => {
  it('an RSS feed without the wp namespace', async () => {
    const feed = '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>A blog</title><item><title>Hi</title></item></channel></rss>';
    const { error } = await readUntilError([feed]);
    expect(error.message).toMatch(/^Line 2, column \d+: this is not a WordPress export \(WXR\): no <rss> with the wp: namespace/);
  });

  it('an HTML page, with or without a DOCTYPE', async () => {
    expect((await readUntilError(['<!DOCTYPE html>\n<html><body>Hello</body></html>'])).error.message).toMatch(/^Line 1, column \d+: this is an HTML page/);
    expect((await readUntilError(['<html><head></head></html>'])).error.message).toMatch(/the document is <html>, not <rss>/);
    expect((await readUntilError(['<html lang=en><body>Hi</body></html>'])).error.message)
      .toMatch(/^Line 1, column \d+: this is not a WordPress export \(WXR\): malformed XML: /);
  });

  it('JSON, an empty file and an unknown WXR version', async () => {
    expect((await readUntilError(['{"posts": []}'])).error.message).toBe('Line 1, column 1: this is not a WordPress export (WXR): it is not XML (it starts with "{\\"posts\\": []")');
    expect((await readUntilError(['  \n'])).error.message).toMatch(/the file is empty/);
    expect((await readUntilError([Buffer.alloc(0)])).error.message).toMatch(/the file is empty/);
    const v13 = sampleExport([]).replaceAll('/export/1.2/', '/export/1.3/');
    expect((await readUntilError([v13])).error.message).toMatch(/uses the namespace http:\/\/wordpress\.org\/export\/1\.3\/; this reader knows WXR 1\.0, 1\.1 and 1\.2/);
  });

  it('an <rss> with the namespace but no <channel>', async () => {
    const { error } = await readUntilError(['<rss xmlns:wp="http://wordpress.org/export/1.2/"></rss>']);
    expect(error.message).toMatch(/the <rss> has no <channel>/);
  });
});

describe('readWxr stops at the line and column of a broken file', () => {
  it('a file cut in the middle of an item, after yielding what came before it', async () => {
    const cut = fixture.indexOf('Daniel Okafor');
    const { events, error } = await readUntilError([fixtureBytes.subarray(0, Buffer.byteLength(fixture.slice(0, cut)))]);
    expect(events.map((e) => e.kind)).toEqual(['site', 'author', 'category', 'category', 'term', 'term']);
    const itemLine = lineOf(fixture, fixture.indexOf('<item>'));
    expect(error.message).toBe(`Line ${lineOf(fixture, cut)}, column ${cut - fixture.lastIndexOf('\n', cut - 1)}: the file ends inside <item> (opened at line ${itemLine}), in <wp:comment_author> (truncated?)`);
    expect(error.line).toBe(lineOf(fixture, cut));
  });

  it('malformed XML: a closing tag that does not match', async () => {
    const at = fixture.indexOf('</wp:post_name>');
    const broken = fixture.replace('</wp:post_name>', '</wp:post_nam>');
    const { error, events } = await readUntilError([broken]);
    expect(error.message).toMatch(new RegExp(`^Line ${lineOf(fixture, at)}, column \\d+: malformed XML: unexpected close tag`));
    // What closed before the error, in the same chunk, is handed over first.
    expect(events.map((e) => e.kind)).toEqual(['site', 'author', 'category', 'category', 'term', 'term']);
  });

  it('a value WordPress never writes: a post id that is not a number, a date that is not a date', async () => {
    const badId = sampleExport([{ id: 1 }]).replace('<wp:post_id>1</wp:post_id>', '<wp:post_id>one</wp:post_id>');
    const head = sampleHead().split('\n').length;
    expect((await readUntilError([badId])).error.message).toMatch(new RegExp(`^Line ${head + 1}, column \\d+: <item>: postId: expected a whole number`));
    const badDate = sampleExport([{ id: 7, comments: [{ id: 1, date: '2025-02-30 10:00:00' }] }]);
    expect((await readUntilError([badDate])).error.message).toMatch(/<item> \(post 7\): comments\[0\]\.dateGmt: 2025-02-30 10:00:00 is not a calendar date/);
  });
});

describe('readWxr refuses entity expansion', () => {
  it('a billion-laughs DOCTYPE is refused before anything is expanded', async () => {
    const entities = Array.from({ length: 9 }, (_, n) => `<!ENTITY lol${n + 1} "${`&lol${n};`.repeat(10)}">`).join('\n');
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n${entities}\n]>\n<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&lol9;</title></channel></rss>`;
    const started = performance.now();
    const { error, events } = await readUntilError([laughs]);
    expect(error.message).toMatch(/^Line 1[23], column \d+: the file has a DOCTYPE declaration; .* no entity is ever expanded/);
    expect(events).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('an entity that was never declared', async () => {
    const exported = sampleExport([{ id: 1 }]).replace('<title><![CDATA[Story 1]]></title>', '<title>Story &lol9;</title>');
    expect((await readUntilError([exported])).error.message).toMatch(/malformed XML: undefined entity/);
  });
});

describe('readWxr reads UTF-8 only', () => {
  it('bytes that are not UTF-8, at their line', async () => {
    const at = fixtureBytes.indexOf('Tomasz');
    const broken = Buffer.concat([fixtureBytes.subarray(0, at), Buffer.from([0xc3, 0x28]), fixtureBytes.subarray(at)]);
    const { error } = await readUntilError([broken.subarray(0, 5000), broken.subarray(5000)]);
    const line = lineOf(fixture, fixture.indexOf('Tomasz'));
    expect(error.message).toMatch(new RegExp(`^Line ${line}, column \\d+: the file is not valid UTF-8 \\(bytes c3 28 .. .. at byte ${at}\\)`));
  });

  it('a Latin-1 file, declared or not', async () => {
    const latin = sampleExport([{ id: 1, title: 'Café' }]);
    expect((await readUntilError([Buffer.from(latin, 'latin1')])).error.message).toMatch(/not valid UTF-8 \(bytes e9/);
    const declared = Buffer.from(latin.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1');
    expect((await readUntilError([declared])).error.message).toMatch(/^Line 1, column \d+: the file declares the encoding ISO-8859-1; this reader takes UTF-8 only/);
  });

  it('UTF-16, and a character cut off at the very end', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sampleExport([]), 'utf16le')]);
    expect((await readUntilError([utf16])).error.message).toMatch(/^Line 1, column 1: the file is UTF-16/);
    const cut = Buffer.from(`${sampleExport([])}é`).subarray(0, -1);
    expect((await readUntilError([cut])).error.message).toMatch(/ends in the middle of a UTF-8 character/);
  });

  it('a UTF-8 byte-order mark is fine', async () => {
    const events: WxrEvent[] = [];
    for await (const e of readWxr([Buffer.from([0xef, 0xbb]), Buffer.concat([Buffer.from([0xbf]), Buffer.from(sampleExport([{ id: 1 }]))])])) events.push(e);
    expect(events.map((e) => e.kind)).toEqual(['site', 'author', 'item']);
  });
});

describe('readWxr bounds what it holds', () => {
  it('refuses a text field over 10 MB, fed as a stream', async () => {
    const huge = function* () {
      yield sampleHead() + '<item><title>Big</title><content:encoded><![CDATA[';
      const block = 'x'.repeat(1024 * 1024);
      for (let i = 0; i < 12; i++) yield block;
      yield ']]></content:encoded></item>' + sampleTail;
    };
    const { error } = await readUntilError(huge());
    expect(error.message).toMatch(/(<content:encoded> holds more than 10 MB|more than 10 MB of text in one piece inside <content:encoded>)/);
  });

  it('refuses an attribute over 64 KB, whole or streamed', async () => {
    const whole = sampleHead() + sampleItem({ id: 1, terms: [{ domain: 'category', slug: 'a'.repeat(70_000), name: 'A' }] }) + sampleTail;
    expect((await readUntilError([whole])).error.message).toMatch(/(the attribute nicename of <category>|the start tag <category>) is longer than 64 KB/);
    const streamed = function* () {
      yield sampleHead() + '<item><category domain="category" nicename="';
      for (let i = 0; i < 1000; i++) yield 'a'.repeat(1024);
    };
    expect((await readUntilError(streamed())).error.message).toMatch(/the start tag <category> is longer than 64 KB/);
  });

  it('refuses elements nested absurdly deep', async () => {
    const deep = `${sampleHead()}<item>${'<x>'.repeat(100)}`;
    expect((await readUntilError([deep])).error.message).toMatch(/nested deeper than 32 levels/);
  });
});
