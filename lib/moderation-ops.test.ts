import { describe, expect, it } from 'vitest';
import { describeDone, opsForQueue, opsForRow, parseRowIntent } from './moderation-ops';

describe('parseRowIntent', () => {
  it('reads a row button', () => {
    expect(parseRowIntent('approve:12')).toEqual({ op: 'approve', id: 12 });
    expect(parseRowIntent('notspam:3')).toEqual({ op: 'notspam', id: 3 });
  });

  it('refuses anything else', () => {
    for (const bad of ['approve', 'approve:', 'approve:x', 'drop:1', 'approve:1;2', 'APPROVE:1', '']) {
      expect(parseRowIntent(bad), bad).toBeNull();
    }
  });
});

describe('queues', () => {
  it('offer delete permanently only in Spam and Trash', () => {
    for (const [queue, ops] of Object.entries(opsForQueue)) {
      expect(ops.includes('delete'), queue).toBe(queue === 'spam' || queue === 'trash');
    }
  });

  it('say what was done', () => {
    expect(describeDone('approve', 1)).toBe('1 comment approved.');
    expect(describeDone('trash', 3)).toBe('3 comments moved to the Trash.');
    expect(describeDone('feature', 1)).toBe('1 comment featured in Editors’ picks.');
  });

  it('offer Feature on an approved comment that is not a pick, Unfeature on one that is', () => {
    expect(opsForRow(opsForQueue.approved, { featured: false })).toEqual(['unapprove', 'spam', 'trash', 'feature']);
    expect(opsForRow(opsForQueue.approved, { featured: true })).toEqual(['unapprove', 'spam', 'trash', 'unfeature']);
    expect(opsForRow(opsForQueue.pending, { featured: false })).toEqual(['approve', 'spam', 'trash']);
  });
});
