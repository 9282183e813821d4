/**
 * The report is a string of HTML: every text that comes from an inspection, a template or a
 * person is escaped here, once, where it is put in. Attribute values are always double-quoted.
 */
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Escaped text whose line breaks show as breaks (notes, comments, what was done). */
export function escapeLines(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map(escapeHtml)
    .join('<br>');
}

/** Markup already built from escaped parts: what `cell` and friends accept besides plain text. */
export interface Markup {
  readonly html: string;
}

export const markup = (html: string): Markup => ({ html });

const inner = (content: string | Markup | number): string =>
  typeof content === 'string'
    ? escapeHtml(content)
    : typeof content === 'number'
      ? String(content)
      : content.html;

/** One element; `className` is ours (never user text), the content is escaped unless it is Markup. */
export function tag(name: string, className: string, content: string | Markup | number): string {
  const cls = className === '' ? '' : ` class="${escapeHtml(className)}"`;
  return `<${name}${cls}>${inner(content)}</${name}>`;
}

/** A table with a header row repeated on every printed page, and rows that never split. */
export function table(
  className: string,
  head: readonly (string | Markup)[],
  rows: readonly (readonly (string | Markup | number)[])[],
): string {
  const th = head.map((h) => `<th scope="col">${inner(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((c) => `<td>${inner(c)}</td>`).join('')}</tr>`);
  return `<table class="${escapeHtml(className)}"><thead><tr>${th}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}
