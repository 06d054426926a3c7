import { beforeAll, describe, expect, it } from 'vitest';
import { decodeNotice, encodeNotice, safeDeskPath, withNotice } from './notice';

beforeAll(() => {
  process.env.AUTH_SECRET = 'test-secret-for-notices';
});

describe('notices', () => {
  const notice = { kind: 'done' as const, message: '1 comment approved.', undo: [{ id: 4, status: 'pending' as const }], at: 1 };

  it('round-trip through the URL', () => {
    const path = withNotice('/moderation?queue=spam', notice);
    expect(path.startsWith('/moderation?queue=spam&notice=')).toBe(true);
    expect(decodeNotice(new URL(path, 'http://x').searchParams.get('notice'))).toEqual(notice);
  });

  it('refuse a forged or damaged notice', () => {
    const encoded = encodeNotice(notice);
    expect(decodeNotice(`${encoded.slice(0, 10)}x${encoded.slice(11)}`)).toBeNull();
    expect(decodeNotice('nonsense')).toBeNull();
  });
});

describe('safeDeskPath', () => {
  it('keeps desk paths and refuses others', () => {
    expect(safeDeskPath('/moderation?queue=spam&q=x')).toBe('/moderation?queue=spam&q=x');
    expect(safeDeskPath('/moderation/log')).toBe('/moderation/log');
    for (const bad of ['https://evil.example/moderation', '//evil.example', '/moderationx', '/login', 42]) {
      expect(safeDeskPath(bad)).toBe('/moderation');
    }
  });
});
