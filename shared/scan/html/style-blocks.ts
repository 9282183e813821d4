/**
 * The `<style>` blocks of a page, found before it is read (issue 13), so a rule applies to the
 * elements before its block too, as in a browser. A plain search, linear in the page: every
 * search starts where the last one ended. Blocks for print only are left out; so is CSS in
 * external stylesheets, which is never fetched.
 */

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
    if (media === undefined || /\b(all|screen)\b/.test(media)) {
      const css = page.slice(OPEN.lastIndex, end);
      sheets.push(css);
      total += css.length;
    }
    if (!close || sheets.length >= MAX_BLOCKS || total >= MAX_CHARS) break;
    OPEN.lastIndex = CLOSE.lastIndex;
  }
  return sheets;
}
