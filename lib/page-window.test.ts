import { describe, expect, it } from 'vitest';
import { pageWindow } from './page-window';

describe('pageWindow', () => {
  it('shows every page when there are few', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the ends and two either side of the current page, with gaps between', () => {
    expect(pageWindow(1, 24)).toEqual([1, 2, 3, 'gap', 24]);
    expect(pageWindow(12, 24)).toEqual([1, 'gap', 10, 11, 12, 13, 14, 'gap', 24]);
    expect(pageWindow(24, 24)).toEqual([1, 'gap', 22, 23, 24]);
  });

  it('never hides a single page behind a gap', () => {
    expect(pageWindow(5, 24)).toEqual([1, 2, 3, 4, 5, 6, 7, 'gap', 24]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
