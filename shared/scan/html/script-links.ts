/**
 * Links an inline script writes into the page or sends the reader to (issue 13): markup with
 * `<a href=`, `<iframe src=` (or frame, area) in a script that calls document.write/writeln,
 * sets innerHTML/outerHTML or calls insertAdjacentHTML; and a location set to an absolute URL.
 * Escaped markup (%3C, \x3c, \u003c) is unescaped first. Scripts that build the markup or the
 * address piece by piece at run time, or that are loaded from a file, are not read.
 */

export interface ScriptLink {
  /** The URL as written (absolute or protocol-relative). */
  readonly url: string;
  /** Offset in the script's text (0 when found only in its unescaped form). */
  readonly offset: number;
}

const WRITES =
  /document\s*\.\s*write(?:ln)?\s*\(|\.\s*(?:inner|outer)HTML\s*\+?=|insertAdjacentHTML\s*\(/i;
const MARKUP_LINK =
  /<\s*(?:a|iframe|frame|area)\b[^>]{0,300}?\b(?:href|src)\s*=\s*\\?["']?\s*((?:https?:)?\/\/[^"'\s>\\]{1,2048})/gi;
const LOCATION =
  /\blocation(?:\s*\.\s*href)?\s*=\s*["'`]((?:https?:)?\/\/[^"'`\s]{1,2048})|\blocation\s*\.\s*(?:replace|assign)\s*\(\s*["'`]((?:https?:)?\/\/[^"'`\s]{1,2048})/gi;
const ESCAPED = /%[0-9a-f]{2}|\\x[0-9a-f]{2}|\\u[0-9a-f]{4}/gi;

/** The longest script read (a hostile page's scripts are cut, not slow). */
const MAX_SCRIPT = 1_000_000;

function unescapeScript(text: string): string {
  return text.replace(ESCAPED, (s) =>
    String.fromCharCode(parseInt(s.startsWith('%') ? s.slice(1) : s.slice(2), 16)),
  );
}

function collect(text: string, pattern: RegExp, found: ScriptLink[], exact: boolean): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const url = m[1] ?? m[2];
    if (url !== undefined) {
      found.push({ url, offset: exact ? m.index + m[0].length - url.length : 0 });
    }
  }
}

/** The links an inline script writes or redirects to, in order. */
export function scriptLinks(source: string): ScriptLink[] {
  const text = source.length > MAX_SCRIPT ? source.slice(0, MAX_SCRIPT) : source;
  const found: ScriptLink[] = [];
  const writes = WRITES.test(text);
  if (writes) collect(text, MARKUP_LINK, found, true);
  collect(text, LOCATION, found, true);
  ESCAPED.lastIndex = 0;
  if (ESCAPED.test(text)) {
    const plain = unescapeScript(text);
    const seen = new Set(found.map((l) => l.url));
    const more: ScriptLink[] = [];
    if (writes || WRITES.test(plain)) collect(plain, MARKUP_LINK, more, false);
    collect(plain, LOCATION, more, false);
    for (const link of more) if (!seen.has(link.url)) found.push(link);
  }
  return found;
}
