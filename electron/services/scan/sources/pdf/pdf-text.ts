import { parseToUnicode } from './pdf-cmap';
import type { ToUnicode } from './pdf-cmap';
import { dictOf, PdfDocument, PdfRefused, refOf, refsIn } from './pdf-objects';
import type { PdfLimits } from './pdf-objects';

/**
 * The text of a PDF, where it can be read without a browser: each page's content streams
 * (FlateDecode or uncompressed), their text-showing operators (Tj, TJ, ', ") decoded through
 * the font's ToUnicode CMap, or as Latin-1 for a simple font without one. A line ends where the
 * text moves to another line (Td/TD/T*, a Tm to another height). Glyphs of a CID font without a
 * ToUnicode CMap are left out rather than guessed, so they can never make a finding.
 */

export type PdfText =
  | { readonly ok: true; readonly text: string; readonly partial: boolean }
  | {
      readonly ok: false;
      readonly reason: 'encrypted' | 'no-text' | 'damaged';
      readonly detail: string;
    };

interface Font {
  readonly unicode: ToUnicode | null;
  /** A CID (Type0) font: its codes are glyph ids, meaningless without ToUnicode. */
  readonly cid: boolean;
}

/** Pages read from one document, and Pages-tree depth, before the reader stops. */
const MAX_PAGES = 10_000;
const MAX_TREE_DEPTH = 32;

export function pdfText(data: Buffer, limits?: PdfLimits): PdfText {
  let doc: PdfDocument;
  try {
    doc = new PdfDocument(data, limits);
  } catch (error) {
    if (error instanceof PdfRefused && error.message === 'encrypted')
      return { ok: false, reason: 'encrypted', detail: 'the document is encrypted' };
    return { ok: false, reason: 'damaged', detail: (error as Error).message };
  }
  const reader = new TextReader(doc);
  const lines: string[] = [];
  for (const page of pagesOf(doc)) lines.push(...reader.pageLines(page.body, page.resources));
  const text = lines
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!/[\p{L}\p{N}]/u.test(text))
    return {
      ok: false,
      reason: 'no-text',
      detail: reader.unmapped ? 'CID fonts without ToUnicode' : 'no text (a scan?)',
    };
  return { ok: true, text, partial: reader.unmapped || doc.lossy };
}

interface Page {
  readonly body: string;
  /** The page's resource dictionary, its own or inherited from the Pages tree. */
  readonly resources: string | null;
}

/** The pages in reading order (the Pages tree from the catalog), or every page object. */
function pagesOf(doc: PdfDocument): Page[] {
  const pages: Page[] = [];
  const seen = new Set<number>();
  const walk = (id: number, inherited: string | null, depth: number): void => {
    const node = doc.get(id);
    if (!node || seen.has(id) || depth > MAX_TREE_DEPTH || pages.length >= MAX_PAGES) return;
    seen.add(id);
    const resources = dictOf(doc, node.body, 'Resources') ?? inherited;
    if (/\/Type\s*\/Pages\b/.test(node.body)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node.body);
      for (const kid of refsIn(kids?.[1] ?? '')) walk(kid, resources, depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(node.body)) pages.push({ body: node.body, resources });
  };
  for (const [, object] of doc.objects) {
    if (/\/Type\s*\/Catalog\b/.test(object.body)) {
      const root = refOf(object.body, 'Pages');
      if (root !== null) walk(root, null, 0);
    }
  }
  if (pages.length > 0) return pages;
  return [...doc.objects.values()]
    .filter((object) => /\/Type\s*\/Page\b/.test(object.body))
    .slice(0, MAX_PAGES)
    .map((object) => ({ body: object.body, resources: dictOf(doc, object.body, 'Resources') }));
}

type Operand = string | number | { readonly name: string } | Operand[];

class TextReader {
  /** Some glyphs could not be read (a CID font without ToUnicode). */
  unmapped = false;
  private readonly fonts = new Map<number, Font>();

  constructor(private readonly doc: PdfDocument) {}

  pageLines(page: string, resources: string | null): string[] {
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(page);
    const ids = contents ? refsIn(contents[1]!) : [refOf(page, 'Contents')];
    const streams = ids
      .map((id) => this.doc.streamOf(this.doc.get(id)))
      .filter((s): s is Buffer => s !== null);
    const content = streams.map((s) => s.toString('latin1')).join('\n');
    return this.contentLines(content, this.fontsOf(resources));
  }

  private fontsOf(resources: string | null): Map<string, Font> {
    const fonts = new Map<string, Font>();
    const table = resources ? dictOf(this.doc, resources, 'Font') : null;
    for (const entry of (table ?? '').matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+\d+\s+R/g))
      fonts.set(entry[1]!, this.font(Number(entry[2])));
    return fonts;
  }

  private font(id: number): Font {
    const known = this.fonts.get(id);
    if (known) return known;
    const body = this.doc.get(id)?.body ?? '';
    const cmap = this.doc.streamOf(this.doc.get(refOf(body, 'ToUnicode')));
    const font: Font = {
      unicode: cmap ? parseToUnicode(cmap.toString('latin1')) : null,
      cid: /\/Subtype\s*\/Type0\b/.test(body),
    };
    this.fonts.set(id, font);
    return font;
  }

  private decode(bytes: string, font: Font | undefined): string {
    if (font?.unicode) {
      const { codeBytes, map } = font.unicode;
      let out = '';
      for (let i = 0; i + codeBytes <= bytes.length; i += codeBytes) {
        let code = 0;
        for (let j = 0; j < codeBytes; j++) code = code * 256 + bytes.charCodeAt(i + j);
        const text = map.get(code);
        if (text !== undefined) out += text;
        else if (codeBytes === 1 && code >= 0x20 && code < 0x7f) out += bytes[i];
      }
      return out;
    }
    if (font?.cid) {
      this.unmapped = true;
      return '';
    }
    // A simple font without ToUnicode: its standard or WinAnsi encoding is Latin-1 for text.
    let out = '';
    for (const char of bytes) {
      const code = char.charCodeAt(0);
      if ((code >= 0x20 && code < 0x7f) || code >= 0xa0) out += char;
    }
    return out;
  }

  private contentLines(content: string, fonts: Map<string, Font>): string[] {
    const layout = new Layout();
    let font: Font | undefined;
    const strings = (operand: Operand | undefined): Shown => {
      if (typeof operand === 'string') {
        const text = this.decode(operand, font);
        return { text, ems: ems(text) };
      }
      if (!Array.isArray(operand)) return { text: '', ems: 0 };
      let text = '';
      let width = 0;
      for (const part of operand) {
        if (typeof part === 'number') {
          if (part < -200) text += ' ';
          width -= part / 1000;
        } else {
          const shown = strings(part);
          text += shown.text;
          width += shown.ems;
        }
      }
      return { text, ems: width };
    };
    for (const { operator, operands } of operations(content)) {
      const num = (i: number): number => {
        const value = operands[operands.length - i];
        return typeof value === 'number' ? value : 0;
      };
      const last = operands[operands.length - 1];
      switch (operator) {
        case 'BT':
          layout.setMatrix(1, 0, 0, 1, 0, 0);
          break;
        case 'Tf': {
          const name = operands[operands.length - 2];
          font =
            typeof name === 'object' && !Array.isArray(name) ? fonts.get(name.name) : undefined;
          layout.size = Math.abs(num(1)) || 1;
          break;
        }
        case 'TL':
          layout.leading = num(1);
          break;
        case 'Td':
          layout.move(num(2), num(1));
          break;
        case 'TD':
          layout.leading = -num(1);
          layout.move(num(2), num(1));
          break;
        case 'Tm':
          layout.setMatrix(num(6), num(5), num(4), num(3), num(2), num(1));
          break;
        case 'T*':
          layout.nextLine();
          break;
        case 'Tj':
        case 'TJ':
          layout.show(strings(last));
          break;
        case "'":
        case '"':
          layout.nextLine();
          layout.show(strings(last));
          break;
      }
    }
    return layout.finish();
  }
}

interface Shown {
  readonly text: string;
  /** Its estimated width, in ems of the font size. */
  readonly ems: number;
}

/** A rough width without the font's metrics: CJK and full-width forms one em, the rest 0.55. */
function ems(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! >= 0x2e80 ? 1 : 0.55;
  return width;
}

/**
 * Where shown text lands, to tell a new line (another height, by more than half the font size)
 * from the next run on the same line, which is joined with nothing, a space or, past a gap of a
 * third of an em (a table's next cell), a tab.
 */
class Layout {
  size = 1;
  leading = 0;
  private readonly lines: string[] = [];
  private line = '';
  private m = [1, 0, 0, 1, 0, 0];
  private positioned = true;
  private newLine = false;
  private lastY: number | null = null;
  private endX = 0;

  setMatrix(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.m = [a, b, c, d, e, f];
    this.positioned = true;
  }

  move(tx: number, ty: number): void {
    const [a, b, c, d, e, f] = this.m as [number, number, number, number, number, number];
    this.m = [a, b, c, d, e + tx * a + ty * c, f + tx * b + ty * d];
    this.positioned = true;
  }

  nextLine(): void {
    this.move(0, -this.leading);
    this.newLine = true;
  }

  show(shown: Shown): void {
    if (shown.text === '') return;
    const [a, b, c, d, e, f] = this.m as [number, number, number, number, number, number];
    const emX = this.size * (Math.hypot(a, b) || 1);
    const emY = this.size * (Math.hypot(c, d) || 1);
    const startX = this.positioned ? e : this.endX;
    if (this.line !== '') {
      const otherLine = this.newLine || (this.lastY !== null && Math.abs(f - this.lastY) > emY / 2);
      const gap = (startX - this.endX) / emX;
      if (otherLine) {
        this.lines.push(this.line);
        this.line = '';
      } else if (gap > 0.3) this.line += '\t';
      else if (gap > 0.1 && !/\s$/.test(this.line)) this.line += ' ';
    }
    this.line += shown.text;
    this.endX = startX + shown.ems * emX;
    this.lastY = f;
    this.positioned = false;
    this.newLine = false;
  }

  finish(): string[] {
    if (this.line !== '') this.lines.push(this.line);
    this.lines.push('');
    return this.lines;
  }
}

/** The operators of a content stream with their operands; inline images are skipped over. */
function* operations(content: string): Generator<{ operator: string; operands: Operand[] }> {
  const tokens = new Tokens(content);
  let operands: Operand[] = [];
  const arrays: Operand[][] = [];
  for (let token = tokens.next(); token !== null; token = tokens.next()) {
    const target = arrays.at(-1) ?? operands;
    if (token.kind === 'operand') target.push(token.value);
    else if (token.kind === 'open') arrays.push([]);
    else if (token.kind === 'close') {
      const done = arrays.pop();
      if (done) (arrays.at(-1) ?? operands).push(done);
    } else {
      if (token.value === 'BI') tokens.skipInlineImage();
      else yield { operator: token.value, operands };
      operands = [];
      arrays.length = 0;
    }
  }
}

type Token =
  | { kind: 'operand'; value: Operand }
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'operator'; value: string };

const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f' || c === '\0';

class Tokens {
  private at = 0;
  constructor(private readonly text: string) {}

  next(): Token | null {
    const text = this.text;
    while (this.at < text.length) {
      const c = text[this.at]!;
      if (isSpace(c)) this.at++;
      else if (c === '%') this.at = skipTo(text, this.at, /[\r\n]/);
      else break;
    }
    if (this.at >= text.length) return null;
    const c = text[this.at]!;
    if (c === '(') return { kind: 'operand', value: this.literal() };
    if (c === '<' && text[this.at + 1] === '<') return this.skip(2, { kind: 'open' });
    if (c === '>' && text[this.at + 1] === '>') return this.skip(2, { kind: 'close' });
    if (c === '<') return { kind: 'operand', value: this.hex() };
    if (c === '[') return this.skip(1, { kind: 'open' });
    if (c === ']') return this.skip(1, { kind: 'close' });
    const start = this.at;
    this.at++;
    while (this.at < text.length && !isSpace(text[this.at]) && !DELIMITERS.has(text[this.at]!))
      this.at++;
    const word = text.slice(start, this.at);
    if (c === '/') return { kind: 'operand', value: { name: word.slice(1) } };
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return { kind: 'operand', value: Number(word) };
    if (c === ')' || c === '>' || c === '{' || c === '}') return this.next();
    return { kind: 'operator', value: word };
  }

  private skip(n: number, token: Token): Token {
    this.at += n;
    return token;
  }

  private literal(): string {
    const text = this.text;
    let depth = 0;
    let out = '';
    for (this.at++; this.at < text.length; this.at++) {
      const c = text[this.at]!;
      if (c === '\\') {
        const next = text[++this.at] ?? '';
        const octal = /^[0-7]{1,3}/.exec(text.slice(this.at, this.at + 3));
        if (octal) {
          out += String.fromCharCode(parseInt(octal[0], 8) & 0xff);
          this.at += octal[0].length - 1;
        } else if (next === '\r') {
          if (text[this.at + 1] === '\n') this.at++;
        } else if (next !== '\n') out += ESCAPES[next] ?? next;
      } else if (c === '(') {
        depth++;
        out += c;
      } else if (c === ')') {
        if (depth-- === 0) {
          this.at++;
          return out;
        }
        out += c;
      } else out += c;
    }
    return out;
  }

  private hex(): string {
    const end = this.text.indexOf('>', this.at);
    const stop = end < 0 ? this.text.length : end;
    let digits = this.text.slice(this.at + 1, stop).replace(/[^0-9A-Fa-f]/g, '');
    this.at = stop + 1;
    if (digits.length % 2) digits += '0';
    let out = '';
    for (let i = 0; i < digits.length; i += 2)
      out += String.fromCharCode(parseInt(digits.slice(i, i + 2), 16));
    return out;
  }

  /** An inline image: its dictionary up to ID, then binary data up to EI. */
  skipInlineImage(): void {
    const id = this.text.indexOf('ID', this.at);
    if (id < 0) {
      this.at = this.text.length;
      return;
    }
    const end = /\sEI(?=[\s]|$)/g;
    end.lastIndex = id + 3;
    const found = end.exec(this.text);
    this.at = found ? found.index + found[0].length : this.text.length;
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
};

function skipTo(text: string, from: number, stop: RegExp): number {
  for (let i = from; i < text.length; i++) if (stop.test(text[i]!)) return i;
  return text.length;
}
