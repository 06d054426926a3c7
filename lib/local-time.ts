import { format } from 'date-fns';
import { fromZonedTime, toZonedTime } from 'date-fns-tz';
import { site } from './site';

/**
 * Times as a `datetime-local` field shows and sends them (`2026-12-24T07:00`), read and written in
 * the site's time zone: the desk's publish time and a ban's end are both typed in London time.
 */
export function localTimeFieldValue(date: Date | null): string {
  return date ? format(toZonedTime(date, site.timeZone), "yyyy-MM-dd'T'HH:mm") : '';
}

/**
 * The instant a `datetime-local` value names in the site's time zone, or null for anything else.
 * Hours go to 23 only: date-fns-tz reads 24:00 as the start of that day, a day early.
 */
export function parseLocalTime(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(value)) return null;
  const date = fromZonedTime(value.replace(' ', 'T'), site.timeZone);
  return Number.isNaN(date.getTime()) ? null : date;
}
