/**
 * The little CSS the hidden-link detector reads (issue 13): inline `style` declarations, and
 * `<style>` blocks with simple selectors (tag, .class, #id, tag.class#id compounds, comma lists,
 * descendant and child combinators). Selectors with attributes, pseudo-classes or sibling
 * combinators are skipped, as are @-rules other than @media (print-only @media is skipped too).
 * External stylesheets are never read.
 */

/** A property's value, lower-case, without `!important`. */
export type Declarations = ReadonlyMap<string, string>;

export interface Compound {
  readonly tag: string | null;
  readonly id: string | null;
  readonly classes: readonly string[];
}

export interface CssRule {
  /** The compounds from the outermost ancestor to the element itself. */
  readonly chain: readonly Compound[];
  /** ids, classes, tags (compared in that order). */
  readonly specificity: number;
  readonly order: number;
  readonly declarations: Declarations;
  readonly important: Declarations;
}

/** Bounds, so a hostile page cannot make the reader slow. */
const MAX_STYLE_CHARS = 1_000_000;
const MAX_RULES = 5_000;
const MAX_DECLARATION_CHARS = 10_000;

/** Declarations of a style attribute or block: normal and `!important` ones apart. */
export function parseDeclarations(text: string): {
  readonly normal: Map<string, string>;
  readonly important: Map<string, string>;
} {
  const normal = new Map<string, string>();
  const important = new Map<string, string>();
  for (const part of text.slice(0, MAX_DECLARATION_CHARS).split(';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const property = part.slice(0, colon).trim().toLowerCase();
    let value = part
      .slice(colon + 1)
      .trim()
      .toLowerCase();
    const bang = value.search(/!\s*important$/);
    const target = bang >= 0 ? important : normal;
    if (bang >= 0) value = value.slice(0, bang).trim();
    if (property && value) target.set(property, value);
  }
  return { normal, important };
}

const COMPOUND = /^([a-z][a-z0-9-]*|\*)?((?:[.#][^\s.#>+~:[\]()*,]+)*)$/i;

function parseCompound(text: string): Compound | null {
  const match = COMPOUND.exec(text);
  if (!match) return null;
  let id: string | null = null;
  const classes: string[] = [];
  for (const piece of (match[2] ?? '').match(/[.#][^.#]+/g) ?? []) {
    if (piece.startsWith('#')) id = piece.slice(1);
    else classes.push(piece.slice(1));
  }
  const tag = match[1] && match[1] !== '*' ? match[1].toLowerCase() : null;
  return { tag, id, classes };
}

/** A selector's compounds, outermost first, or null when it is not a simple one. */
export function parseSelector(text: string): Compound[] | null {
  const parts = text
    .trim()
    .replace(/\s*>\s*/g, ' ')
    .split(/\s+/);
  if (parts.length === 0 || parts.length > 8 || parts[0] === '') return null;
  const chain: Compound[] = [];
  for (const part of parts) {
    const compound = parseCompound(part);
    if (!compound) return null;
    chain.push(compound);
  }
  return chain;
}

function specificityOf(chain: readonly Compound[]): number {
  let value = 0;
  for (const c of chain) value += (c.id ? 10_000 : 0) + c.classes.length * 100 + (c.tag ? 1 : 0);
  return value;
}

/** Rules of a style sheet's text, in order; `order` continues from `firstOrder`. */
export function parseStylesheet(source: string, firstOrder = 0): CssRule[] {
  const text = source.slice(0, MAX_STYLE_CHARS).replace(/\/\*[\s\S]*?(\*\/|$)/g, ' ');
  const rules: CssRule[] = [];
  let at = 0;
  let order = firstOrder;
  while (at < text.length && rules.length < MAX_RULES) {
    const open = text.indexOf('{', at);
    if (open < 0) break;
    const prelude = text
      .slice(at, open)
      .replace(/^[\s}]+/, '')
      .trim();
    if (prelude.startsWith('@')) {
      if (/^@media\b/i.test(prelude) && !/^@media\s+print\b/i.test(prelude)) {
        at = open + 1; // read the rules inside as if unconditional
        continue;
      }
      at = skipBlock(text, open);
      continue;
    }
    const close = text.indexOf('}', open);
    const body = text.slice(open + 1, close < 0 ? text.length : close);
    at = close < 0 ? text.length : close + 1;
    const { normal, important } = parseDeclarations(body);
    if (normal.size === 0 && important.size === 0) continue;
    for (const selector of prelude.split(',')) {
      const chain = parseSelector(selector);
      if (!chain) continue;
      rules.push({
        chain,
        specificity: specificityOf(chain),
        order: order++,
        declarations: normal,
        important,
      });
    }
  }
  return rules;
}

/** The offset after the block opened at `open`, its nested blocks included. */
function skipBlock(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125 && --depth === 0) return i + 1;
  }
  return text.length;
}

/**
 * A length in CSS pixels, or null when it is not one we can judge (percentages, auto, calc).
 * em and rem count as 16px, pt as 4/3px.
 */
export function parseLength(value: string | undefined): number | null {
  if (value === undefined) return null;
  const match = /^(-?\d*\.?\d+)(px|pt|em|rem)?$/.exec(value.trim());
  if (!match) return null;
  const n = Number(match[1]);
  if (!Number.isFinite(n)) return null;
  switch (match[2]) {
    case 'pt':
      return (n * 4) / 3;
    case 'em':
    case 'rem':
      return n * 16;
    case 'px':
      return n;
    default:
      return n === 0 ? 0 : null;
  }
}
