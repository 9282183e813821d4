/**
 * The `<style>` blocks of a page, found before it is read (issue 13), so a rule applies to the
 * elements before its block too, as in a browser. A plain search, linear in the page: every
 * search starts where the last one ended. Blocks for print only are left out; a block for some
 * screens only (`media="(max-width:768px)"`) is handed on inside an `@media` of its condition, so
 * its rules keep the screens they apply on (media.ts); CSS in external stylesheets is never
 * fetched.
 */
import { ALL_SCREENS, mediaMask } from './media';

const OPEN = /<style\b([^>]{0,500})>/gi;
const CLOSE = /<\/style\s*>/gi;
const MAX_BLOCKS = 100;
const MAX_CHARS = 2_000_000;

export function collectStyleSheets(page: string): string[] {
  const sheets: string[] = [];
  let total = 0;
  OPEN.lastIndex = 0;
  for (let open = OPEN.exec(page); open; open = OPEN.exec(page)) {
    CLOSE.lastIndex = OPEN.lastIndex;
    const close = CLOSE.exec(page);
    const end = close ? close.index : page.length;
    const media = /\bmedia\s*=\s*["']?([^"'>]*)/i.exec(open[1] ?? '')?.[1]?.toLowerCase();
    const screens = media === undefined ? ALL_SCREENS : mediaMask(media);
    if (screens !== 0) {
      const css = page.slice(OPEN.lastIndex, end);
      const condition = media?.replace(/[{};]/g, ' ');
      sheets.push(screens === ALL_SCREENS ? css : `@media ${condition ?? ''}{${css}\n}`);
      total += css.length;
    }
    if (!close || sheets.length >= MAX_BLOCKS || total >= MAX_CHARS) break;
    OPEN.lastIndex = CLOSE.lastIndex;
  }
  return sheets;
}
