import readingTime from 'reading-time';
import { site } from './site';

const dateTime = new Intl.DateTimeFormat(site.language, {
  timeZone: site.timeZone,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

const dateOnly = new Intl.DateTimeFormat(site.language, {
  timeZone: site.timeZone,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "12 February 2025 at 21:40 GMT": absolute, because cached pages must not say "3 hours ago" for days. */
export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}

export function formatDate(date: Date): string {
  return dateOnly.format(date);
}

/** Whole minutes, at least one. */
export function readingMinutes(markdown: string): number {
  return Math.max(1, Math.round(readingTime(markdown).minutes));
}

export function pluralize(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
