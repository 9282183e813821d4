import { readZip } from '../../zip/zip-reader';
import type { ZipLimits } from '../../zip/zip-reader';

/**
 * A DOCX's text for the content review: the body (word/document.xml) one line per paragraph, a
 * table row as one line of tab-separated cells (as the grade-list detector reads tables), then
 * the headers and footers. Only those parts are inflated, through the app's own zip reader and
 * its budget, so a zip bomb is refused like any damaged file.
 */

/** What a DOCX's text parts may unpack to, and how many entries it may have. */
export const DOCX_ZIP_LIMITS: ZipLimits = { maxUnpackedBytes: 64 * 1024 * 1024, maxEntries: 5000 };

const BODY = 'word/document.xml';
const EXTRA = /^word\/(header|footer)\d*\.xml$/;

export type DocxText = { ok: true; text: string } | { ok: false; reason: string };

export function docxText(data: Uint8Array, limits: ZipLimits = DOCX_ZIP_LIMITS): DocxText {
  const read = readZip(data, limits, (name) => name === BODY || EXTRA.test(name));
  if (!read.ok) return { ok: false, reason: read.reason };
  const body = read.entries.find((entry) => entry.name === BODY);
  if (!body) return { ok: false, reason: `no ${BODY}` };
  const decoder = new TextDecoder('utf-8');
  const extras = read.entries
    .filter((entry) => entry.name !== BODY)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const parts = [body, ...extras].map((entry) => wordXmlText(decoder.decode(entry.data)));
  return { ok: true, text: parts.filter((part) => part !== '').join('\n') };
}

const ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return codePoint(parseInt(name.slice(2), 16), whole);
    if (name.startsWith('#')) return codePoint(parseInt(name.slice(1), 10), whole);
    return ENTITIES[name] ?? whole;
  });
}

function codePoint(value: number, whole: string): string {
  return value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : whole;
}

/**
 * The text of one WordprocessingML part. Only `w:t` runs are text (deleted runs and field codes
 * are not); a paragraph ends a line, except inside a table cell, where paragraphs are joined by
 * a space and the row ends the line; a nested table's rows stay inside their outer cell.
 */
export function wordXmlText(xml: string): string {
  const lines: string[] = [];
  let line = '';
  let cells = 0;
  let inText = false;
  let inTabStops = false;
  const tag = /<(\/?)([A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)\b[^>]*?(\/?)>|([^<]+)/g;
  for (const match of xml.matchAll(tag)) {
    const [, closing, , name, selfClosing, text] = match;
    if (text !== undefined) {
      if (inText) line += unescapeXml(text);
      continue;
    }
    const open = closing !== '/';
    if (name === 't') inText = open && selfClosing !== '/';
    else if (name === 'tabs') inTabStops = open && selfClosing !== '/';
    else if (name === 'tab' && open && !inTabStops) line += cells > 0 ? ' ' : '\t';
    else if ((name === 'br' || name === 'cr') && open) line += cells > 0 ? ' ' : '\n';
    else if (name === 'tc') {
      if (open && selfClosing !== '/') cells++;
      else if (!open) {
        cells--;
        line = `${line.trimEnd()}${cells > 0 ? ' ' : '\t'}`;
      }
    } else if (name === 'p' && (!open || selfClosing === '/')) {
      if (cells > 0) line += ' ';
      else {
        lines.push(line);
        line = '';
      }
    } else if (name === 'tr' && !open && cells === 0) {
      lines.push(line.replace(/\t$/, ''));
      line = '';
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n').replace(/\n+$/, '');
}
