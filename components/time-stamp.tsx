import { formatDate, formatDateTime } from '@/lib/format';

/** A `<time>` with a machine-readable datetime; `dateOnly` for dense lists. */
export function TimeStamp({ date, dateOnly = false }: { date: Date; dateOnly?: boolean }) {
  return <time dateTime={date.toISOString()}>{dateOnly ? formatDate(date) : formatDateTime(date)}</time>;
}
