import { describe, expect, it } from 'vitest';
import {
  parseReportInput,
  reachesThreshold,
  reporterAddress,
  REPORTS_PER_ADDRESS_PER_HOUR,
  reportMessages,
  reportReasonLabels,
  ReportInput,
  weighReport,
} from './reports';

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

describe('reporterAddress', () => {
  it('takes an IPv4 address as it is', () => {
    expect(reporterAddress('203.0.113.9')).toBe('203.0.113.9');
    expect(reporterAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('takes an IPv6 address as its /64, however it is written', () => {
    const network = '2001:db8:a:b::/64';
    for (const address of ['2001:db8:a:b::1', '2001:0db8:000a:000b:ffff:ffff:ffff:ffff', '2001:DB8:A:B:0:0:0:2', '2001:db8:a:b::1.2.3.4', '2001:db8:a:b::9%eth0']) {
      expect(reporterAddress(address), address).toBe(network);
    }
    expect(reporterAddress('2001:db8:a:c::1')).toBe('2001:db8:a:c::/64');
    expect(reporterAddress('::1')).toBe('0:0:0:0::/64');
    expect(reporterAddress('2001:db8::')).toBe('2001:db8:0:0::/64');
  });

  it('makes every unknown address one reporter', () => {
    expect(reporterAddress('unknown')).toBe('unknown');
    expect(reporterAddress('')).toBe('unknown');
  });
});

describe('weighReport', () => {
  it('counts the first report from an address', () => {
    expect(weighReport({ addressAlreadyReported: false, reportsFromAddressLastHour: 0 })).toBe('counts');
    expect(weighReport({ addressAlreadyReported: false, reportsFromAddressLastHour: REPORTS_PER_ADDRESS_PER_HOUR - 1 })).toBe('counts');
  });

  it('never counts a second report of the same comment from the same address, whatever the browser', () => {
    expect(weighReport({ addressAlreadyReported: true, reportsFromAddressLastHour: 1 })).toBe('same-address');
  });

  it('keeps nothing from an address past its hourly cap', () => {
    expect(weighReport({ addressAlreadyReported: false, reportsFromAddressLastHour: REPORTS_PER_ADDRESS_PER_HOUR })).toBe('over-rate');
    expect(weighReport({ addressAlreadyReported: true, reportsFromAddressLastHour: 50 })).toBe('over-rate');
    expect(weighReport({ addressAlreadyReported: false, reportsFromAddressLastHour: 2, perHour: 2 })).toBe('over-rate');
  });
});
