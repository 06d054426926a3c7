import { isIP } from 'node:net';
import { z } from 'zod';
import { plainTextIfString } from './plain-text';
import { REPORT_NOTE_MAX, reportMessages, reportReasonLabels } from './report-reasons';

export { REPORT_NOTE_MAX, reportMessages, reportReasonLabels } from './report-reasons';

/** The HttpOnly cookie holding a browser's random reporter id: one report per browser and comment. */
export const REPORTER_COOKIE = 'bs_reporter';

const reasons = Object.keys(reportReasonLabels) as [keyof typeof reportReasonLabels, ...(keyof typeof reportReasonLabels)[]];

/** The Report form as the server receives it. */
export const ReportInput = z.object({
  commentId: z.coerce.number({ error: reportMessages.gone }).int(reportMessages.gone).positive(reportMessages.gone),
  reason: z.enum(reasons, { error: reportMessages.reasonMissing }),
  note: z.preprocess((v) => plainTextIfString(v ?? ''), z.string().trim().max(REPORT_NOTE_MAX, reportMessages.noteLong)),
});

export type ReportInput = z.infer<typeof ReportInput>;

/** The first message of a failed parse, for the one status line the form shows. */
export function parseReportInput(raw: Record<string, unknown>): { success: true; data: ReportInput } | { success: false; message: string } {
  const parsed = ReportInput.safeParse(raw);
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, message: parsed.error.issues[0]?.message ?? reportMessages.gone };
}

/** Whether reports from this many people send an approved comment back to Pending. */
export function reachesThreshold(people: number, threshold: number): boolean {
  return threshold >= 1 && people >= threshold;
}

/**
 * Reports an address may file in an hour. Past it a report is thanked like any other but neither
 * counted nor kept, so a script cannot fill the reported queue or the database from one address.
 */
export const REPORTS_PER_ADDRESS_PER_HOUR = 10;
export const REPORT_RATE_WINDOW_MS = 60 * 60 * 1000;

/**
 * Who a report counts as. A browser id costs nothing (clear the cookie, open a private window), so
 * the address decides: an IPv4 address is one person, and so is an IPv6 /64, since one household or
 * phone is given a whole /64 and may pick any address in it. Every client whose address cannot be
 * known (`unknown`, lib/client-ip.ts) is one person together: where the server cannot tell people
 * apart, reports are worth one and a moderator decides. People behind one NAT count as one too.
 */
export function reporterAddress(address: string): string {
  const bare = address.trim().toLowerCase().replace(/%.*$/, '');
  if (isIP(bare) !== 6) return bare || 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped) return mapped[1]!;
  return `${ipv6Groups(bare).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of a valid IPv6 address, without leading zeros (a dotted IPv4 tail is two). */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const split = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((group) => {
          if (!group.includes('.')) return [group];
          const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
          return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
        });
  const left = split(head);
  const right = tail === undefined ? [] : split(tail);
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.map((group) => group.replace(/^0+(?=.)/, ''));
}

export type ReportWeight = 'counts' | 'same-address' | 'over-rate';

/**
 * What a new report (not a browser's second report of the same comment) is worth. An address that
 * already has an open report on the comment adds nothing to it, whatever its browser id, so sending
 * a comment back to Pending takes as many addresses as the threshold; an address over its hourly
 * cap is not even kept.
 */
export function weighReport({
  addressAlreadyReported,
  reportsFromAddressLastHour,
  perHour = REPORTS_PER_ADDRESS_PER_HOUR,
}: {
  addressAlreadyReported: boolean;
  reportsFromAddressLastHour: number;
  perHour?: number;
}): ReportWeight {
  if (reportsFromAddressLastHour >= perHour) return 'over-rate';
  return addressAlreadyReported ? 'same-address' : 'counts';
}
