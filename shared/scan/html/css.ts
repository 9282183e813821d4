import { ALL_SCREENS, mediaMask } from './media';

/**
 * The little CSS the hidden-link detector reads (issue 13): inline `style` declarations, and
 * `<style>` blocks with simple selectors (tag, .class, #id, tag.class#id compounds, comma lists,
 * descendant and child combinators). Selectors with attributes, pseudo-classes or sibling
 * combinators are skipped (but see reveal rules below), as are @-rules other than @media; a rule
 * inside @media keeps the screens its condition holds on (media.ts), and one for no screen
 * (print) is skipped. External stylesheets are never read.
 *
 * A reveal rule is what a drop-down menu, a tab or an accordion is made of: `li:hover .sub`,
 * `.nav li:focus-within ul`, `.sub.show`, `li.on .sub` setting `display` to anything but none or
 * `visibility` to visible. It is kept as a rule for its selector without the state (`li .sub`,
 * `.sub`) that only sets those, so the element is judged as a visitor who hovers, focuses or
 * clicks sees it: shown, so not hidden. Only a state on an ancestor counts for :hover and :focus
 * (a hidden element cannot be hovered itself); a state class (STATE_CLASSES) may be on the
 * element too, since a script sets it. Residual risk, known: an attacker can write such a rule
 * for a link no visitor will ever reveal (a state class no script sets, a hover on a 1px box);
 * the link is then reported as an external link, not as hidden, so it still reaches the
 * inspector, without the trick.
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
  /** The screens it applies on (a mask of media.ts's). */
  readonly media: number;
  /** A reveal rule (above): its declarations only show. */
  readonly reveal: boolean;
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

/** The states a menu or tab is shown in, by a visitor or by a script. */
const STATE_PSEUDO = /:(?:hover|focus-within|focus-visible|focus|active)(?![\w-])/g;
const STATE_CLASSES: ReadonlySet<string> = new Set([
  'active',
  'current',
  'cur',
  'on',
  'open',
  'opened',
  'show',
  'in',
  'hover',
  'selected',
  'expanded',
  'is-active',
  'is-open',
]);

/**
 * A reveal rule's selector: its compounds without the states, and how many states it had
 * (counted in its specificity as classes); null when it has none or is not a simple selector.
 */
export function parseRevealSelector(text: string): { chain: Compound[]; states: number } | null {
  const parts = text
    .trim()
    .replace(/\s*>\s*/g, ' ')
    .split(/\s+/);
  if (parts.length === 0 || parts.length > 8 || parts[0] === '') return null;
  const chain: Compound[] = [];
  let states = 0;
  for (const [i, part] of parts.entries()) {
    const stripped = part.replace(STATE_PSEUDO, '');
    const pseudos = part.match(STATE_PSEUDO)?.length ?? 0;
    if (pseudos > 0 && i === parts.length - 1) return null;
    const compound = parseCompound(stripped);
    if (!compound) return null;
    const classes = compound.classes.filter((c) => !STATE_CLASSES.has(c.toLowerCase()));
    states += pseudos + compound.classes.length - classes.length;
    chain.push({ ...compound, classes });
  }
  const target = chain[chain.length - 1];
  if (states === 0 || !target) return null;
  if (target.tag === null && target.id === null && target.classes.length === 0) return null;
  return { chain, states };
}

/** What of a rule's declarations shows an element: display but none, visibility visible. */
function showing(declarations: Declarations): Map<string, string> {
  const shown = new Map<string, string>();
  const display = declarations.get('display');
  if (display !== undefined && display !== 'none') shown.set('display', display);
  if (declarations.get('visibility') === 'visible') shown.set('visibility', 'visible');
  return shown;
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
  /** The screens of each @media block open at `at`, outermost first. */
  const media: number[] = [];
  let at = 0;
  let order = firstOrder;
  while (at < text.length && rules.length < MAX_RULES) {
    const open = text.indexOf('{', at);
    if (open < 0) break;
    const before = text.slice(at, open);
    // Each `}` between rules closes an @media block.
    for (let i = before.indexOf('}'); i >= 0; i = before.indexOf('}', i + 1)) media.pop();
    const prelude = before.slice(before.lastIndexOf('}') + 1).trim();
    const screens = media[media.length - 1] ?? ALL_SCREENS;
    if (prelude.startsWith('@')) {
      const inner = /^@media\b/i.test(prelude) ? screens & mediaMask(prelude.slice(6)) : 0;
      if (inner === 0) {
        at = skipBlock(text, open); // print, other @-rules
      } else {
        media.push(inner);
        at = open + 1;
      }
      continue;
    }
    const close = text.indexOf('}', open);
    const body = text.slice(open + 1, close < 0 ? text.length : close);
    at = close < 0 ? text.length : close + 1;
    const { normal, important } = parseDeclarations(body);
    if (normal.size === 0 && important.size === 0) continue;
    const shows = { normal: showing(normal), important: showing(important) };
    for (const selector of prelude.split(',')) {
      const rule = { order: 0, media: screens, declarations: normal, important, reveal: false };
      const chain = parseSelector(selector);
      if (chain) rules.push({ ...rule, chain, specificity: specificityOf(chain), order: order++ });
      const revealed =
        shows.normal.size + shows.important.size > 0 ? parseRevealSelector(selector) : null;
      if (revealed) {
        rules.push({
          ...rule,
          chain: revealed.chain,
          specificity: specificityOf(revealed.chain) + revealed.states * 100,
          order: order++,
          declarations: shows.normal,
          important: shows.important,
          reveal: true,
        });
      }
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
