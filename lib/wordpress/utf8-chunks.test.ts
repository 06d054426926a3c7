import { describe, expect, it } from 'vitest';
import { createUtf8Decoder } from './utf8-chunks';

function decodeAll(chunks: number[][]) {
  const decoder = createUtf8Decoder();
  let text = '';
  for (const chunk of chunks) {
    const step = decoder.decode(Uint8Array.from(chunk));
    text += step.text;
    if (step.error) return { text, error: step.error };
  }
  const last = decoder.end();
  return { text: text + last.text, error: last.error };
}

describe('createUtf8Decoder', () => {
  const sample = 'Wiśniewski — “quoted” 🗞️ ok';
  const bytes = [...Buffer.from(sample)];

  it('decodes text split at every byte boundary', () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(decodeAll([bytes.slice(0, cut), bytes.slice(cut)])).toEqual({ text: sample, error: null });
    }
    expect(decodeAll(bytes.map((b) => [b]))).toEqual({ text: sample, error: null });
  });

  it('drops a UTF-8 byte-order mark, even split', () => {
    expect(decodeAll([[0xef], [0xbb, 0xbf, 0x3c]])).toEqual({ text: '<', error: null });
  });

  it('refuses UTF-16', () => {
    expect(decodeAll([[0xff, 0xfe, 0x3c, 0x00]]).error).toMatch(/UTF-16/);
  });

  it('refuses overlongs, surrogates, code points past U+10FFFF and stray bytes, saying where', () => {
    for (const bad of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xff]]) {
      const result = decodeAll([[0x61, 0x62, 0x63], [...bad, 0x64]]);
      expect(result.text).toBe('abc');
      expect(result.error).toMatch(/not valid UTF-8 \(bytes .* at byte 3\)/);
    }
  });

  it('refuses a character cut off at the end', () => {
    expect(decodeAll([[0x61, 0xe2, 0x80]])).toEqual({ text: 'a', error: expect.stringMatching(/ends in the middle of a UTF-8 character/) });
  });
});
