/**
 * Which page numbers a pager shows, the way WordPress's paginate_links does (end size 1, mid size 2):
 * the first and last pages, two either side of the current one, and a gap ('…') for the rest.
 */
export type PageWindowItem = number | 'gap';

export function pageWindow(current: number, count: number, mid = 2): PageWindowItem[] {
  const items: PageWindowItem[] = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - current) <= mid) items.push(n);
    else if (items.at(-1) !== 'gap') items.push('gap');
  }
  // A gap that would hide a single page shows that page instead.
  return items.flatMap((item, i) => (item === 'gap' && items[i - 1] !== undefined && (items[i + 1] as number) - (items[i - 1] as number) === 2 ? [(items[i - 1] as number) + 1] : [item]));
}
