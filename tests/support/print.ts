/** Helpers for print layout tests: the printable width of a paper size, and what is wider than it. */
import type { Page } from 'playwright-core';

/** CSS pixels across the printable area of a paper `widthMm` wide, less the print stylesheet's 14 mm side margins. */
export const printableWidth = (widthMm: number): number => Math.floor(((widthMm - 28) * 96) / 25.4);

/** Up to three elements in <main> that reach beyond the page's width, described for a failure message. */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${el.textContent?.slice(0, 40) ?? ''}`),
  );
}
