import { describe, expect, it } from 'vitest';
import { parseReportInput, reachesThreshold, reportMessages, reportReasonLabels, ReportInput } from './reports';

describe('ReportInput', () => {
  it('accepts a reason with or without a note', () => {
    expect(ReportInput.parse({ commentId: '12', reason: 'spam' })).toEqual({ commentId: 12, reason: 'spam', note: '' });
    expect(ReportInput.parse({ commentId: '3', reason: 'off-topic', note: '  About the weather.  ' })).toEqual({
      commentId: 3,
      reason: 'off-topic',
      note: 'About the weather.',
    });
  });

  it('offers the four reasons with their labels', () => {
    expect(reportReasonLabels).toEqual({ spam: 'Spam', abuse: 'Abuse', 'off-topic': 'Off-topic', other: 'Other' });
    for (const reason of Object.keys(reportReasonLabels)) {
      expect(ReportInput.safeParse({ commentId: '1', reason }).success).toBe(true);
    }
  });

  it('strips control characters from the note but keeps line breaks', () => {
    const parsed = ReportInput.parse({ commentId: '1', reason: 'other', note: 'a\u0000b\u001b[31mc\r\nd\u007f' });
    expect(parsed.note).toBe('ab[31mc\nd');
  });

  it('refuses a missing or unknown reason', () => {
    expect(parseReportInput({ commentId: '1' })).toEqual({ success: false, message: reportMessages.reasonMissing });
    expect(parseReportInput({ commentId: '1', reason: 'boring' })).toEqual({ success: false, message: reportMessages.reasonMissing });
  });

  it('refuses a note longer than 500 characters', () => {
    expect(parseReportInput({ commentId: '1', reason: 'abuse', note: 'x'.repeat(500) }).success).toBe(true);
    expect(parseReportInput({ commentId: '1', reason: 'abuse', note: 'x'.repeat(501) })).toEqual({ success: false, message: reportMessages.noteLong });
  });

  it('refuses a comment id that is not a positive whole number', () => {
    for (const commentId of ['', '0', '-4', '1.5', 'abc', undefined]) {
      expect(parseReportInput({ commentId, reason: 'spam' })).toEqual({ success: false, message: reportMessages.gone });
    }
  });
});

describe('reachesThreshold', () => {
  it('is reached at the threshold and beyond', () => {
    expect(reachesThreshold(2, 3)).toBe(false);
    expect(reachesThreshold(3, 3)).toBe(true);
    expect(reachesThreshold(4, 3)).toBe(true);
    expect(reachesThreshold(1, 1)).toBe(true);
  });

  it('is never reached without a report or with a threshold below one', () => {
    expect(reachesThreshold(0, 1)).toBe(false);
    expect(reachesThreshold(5, 0)).toBe(false);
  });
});
