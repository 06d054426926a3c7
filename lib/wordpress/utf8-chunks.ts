import { isUtf8 } from 'node:buffer';

/**
 * Turns a stream of bytes into text, strictly as UTF-8. A character split across two chunks is
 * carried to the next one; a byte that is not UTF-8 stops the reading. The text before the bad byte
 * is still handed back, so the caller can say at which line and column the problem is.
 */
export type Utf8Step = { text: string; error: string | null };

export function createUtf8Decoder() {
  let carry: Uint8Array = new Uint8Array(0);
  let offset = 0; // bytes already handed back as text, for the error message
  let started = false;

  function step(bytes: Uint8Array, final: boolean): Utf8Step {
    if (!started) {
      if (bytes.length < 3 && !final) {
        carry = bytes.slice(); // too short to tell a byte-order mark yet
        return { text: '', error: null };
      }
      started = true;
      if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        return { text: '', error: 'the file is UTF-16 (it starts with a UTF-16 byte-order mark); export or convert it as UTF-8' };
      }
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3);
        offset = 3;
      }
    }
    const end = final ? bytes.length : completeLength(bytes);
    const body = bytes.subarray(0, end);
    carry = bytes.slice(end);
    if (isUtf8(body)) {
      offset += body.length;
      return { text: toText(body, body.length), error: null };
    }
    const bad = firstInvalid(body);
    if (final && bad < body.length && completeLength(body) === bad) {
      return { text: toText(body, bad), error: 'the file ends in the middle of a UTF-8 character (truncated?)' };
    }
    const hex = Array.from(body.subarray(bad, bad + 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    return {
      text: toText(body, bad),
      error: `the file is not valid UTF-8 (bytes ${hex} at byte ${offset + bad}); WordPress writes UTF-8, so the file was changed or saved in another encoding`,
    };
  }

  return {
    decode: (chunk: Uint8Array) => step(carry.length ? concat(carry, chunk) : chunk, false),
    /** Call when the input ends: a character cut off at the very end is an error too. */
    end: () => (carry.length || !started ? step(carry, true) : { text: '', error: null }),
  };
}

function toText(bytes: Uint8Array, length: number) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, length).toString('utf8');
}

function concat(a: Uint8Array, b: Uint8Array) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** The length of `bytes` without an unfinished multi-byte character at its end (at most 3 bytes). */
function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/** The index of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
function firstInvalid(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need: number; let lo = 0x80; let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
