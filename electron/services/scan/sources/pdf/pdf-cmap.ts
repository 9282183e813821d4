/**
 * A font's ToUnicode CMap: which character codes stand for which Unicode text. This is how a PDF
 * made by Word, WPS, LibreOffice or Chromium carries Chinese text (its glyph ids mean nothing
 * without it). Only what text extraction needs is read: the code length (codespace ranges),
 * `bfchar` and `bfrange` entries.
 */

export interface ToUnicode {
  /** Bytes per character code (1 for simple fonts, usually 2 for CID fonts). */
  readonly codeBytes: number;
  readonly map: ReadonlyMap<number, string>;
}

/** A range may name at most this many codes (a real font has no more than 65,536 glyphs). */
const MAX_RANGE = 0x10000;
/** Entries read from one CMap, so a hostile one cannot fill memory. */
const MAX_ENTRIES = 200_000;

function utf16be(hex: string): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4)
    out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  if (hex.length === 2) out = String.fromCharCode(parseInt(hex, 16));
  return out;
}

export function parseToUnicode(cmap: string): ToUnicode {
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap);
  const map = new Map<number, string>();
  let codeBytes = space ? Math.max(1, Math.ceil(space[1]!.length / 2)) : 0;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const pair of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) {
      if (map.size >= MAX_ENTRIES) break;
      if (!codeBytes) codeBytes = Math.ceil(pair[1]!.length / 2);
      map.set(parseInt(pair[1]!, 16), utf16be(pair[2]!));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const entry = /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<([0-9A-Fa-f]*)>|\[([^\]]*)\])/g;
    for (const range of block[1]!.matchAll(entry)) {
      if (!codeBytes) codeBytes = Math.ceil(range[1]!.length / 2);
      const low = parseInt(range[1]!, 16);
      const high = Math.min(parseInt(range[2]!, 16), low + MAX_RANGE - 1);
      if (range[5] !== undefined) {
        const targets = [...range[5].matchAll(/<([0-9A-Fa-f]*)>/g)].map((m) => utf16be(m[1]!));
        targets.slice(0, high - low + 1).forEach((text, i) => map.set(low + i, text));
        continue;
      }
      const base = utf16be(range[4]!);
      if (base === '') continue;
      const head = base.slice(0, -1);
      const last = base.charCodeAt(base.length - 1);
      for (let code = low; code <= high && map.size < MAX_ENTRIES; code++)
        map.set(code, head + String.fromCharCode(last + code - low));
    }
  }
  return { codeBytes: codeBytes || 1, map };
}
