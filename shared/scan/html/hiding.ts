import type { HidingTrick } from '../detectors';
import { backgroundColour, parseColour, sameColour } from './colour';
import { parseDeclarations, parseLength, type CssRule, type Declarations } from './css';

/**
 * What an open element passes on to what it contains, as far as hiding goes (issue 13). Some
 * tricks cannot be undone by a descendant (display:none, a clipped zero-size box, off-screen
 * positioning, a tiny marquee); visibility, font size, text indent and colours can.
 */
export interface Visibility {
  /** A trick no descendant can undo. */
  readonly hiddenBy: HidingTrick | null;
  readonly visibilityHidden: boolean;
  readonly fontZero: boolean;
  readonly indentOff: boolean;
  /** Text colour (0xRRGGBB), or null when unknown (the page's or a link's own default). */
  readonly colour: number | null;
  /** The nearest background colour declared on this element or an ancestor. */
  readonly background: number | null;
}

export const VISIBLE: Visibility = {
  hiddenBy: null,
  visibilityHidden: false,
  fontZero: false,
  indentOff: false,
  colour: null,
  background: null,
};

/** The trick that hides an element's content, or null when it is visible. */
export function trickOf(v: Visibility): HidingTrick | null {
  if (v.hiddenBy) return v.hiddenBy;
  if (v.visibilityHidden) return 'visibility-hidden';
  if (v.fontZero) return 'font-size-zero';
  if (v.indentOff) return 'off-screen';
  if (v.colour !== null && v.background !== null && sameColour(v.colour, v.background)) {
    return 'same-colour';
  }
  return null;
}

/** How far off the page a box must be put to count as hidden there. */
const OFF_SCREEN = -500;

function atMost(value: string | undefined, limit: number): boolean {
  const n = parseLength(value);
  return n !== null && n <= limit;
}

/** An HTML width/height attribute (pixels, unitless) or a CSS length. */
function attributeAtMost(value: string | undefined, limit: number): boolean {
  if (value === undefined) return false;
  const n = parseLength(value.trim()) ?? (/^\d+$/.test(value.trim()) ? Number(value) : null);
  return n !== null && n <= limit;
}

function marginSide(style: Declarations, side: 'left' | 'top'): string | undefined {
  const own = style.get(`margin-${side}`);
  if (own !== undefined) return own;
  const parts = style.get('margin')?.split(/\s+/);
  if (!parts) return undefined;
  return side === 'top' ? parts[0] : (parts[3] ?? parts[1] ?? parts[0]);
}

function offScreen(style: Declarations): boolean {
  const position = style.get('position');
  if (position === 'absolute' || position === 'fixed' || position === 'relative') {
    for (const side of ['left', 'top', 'right']) {
      if (atMost(style.get(side), OFF_SCREEN)) return true;
    }
  }
  return (
    atMost(marginSide(style, 'left'), OFF_SCREEN) || atMost(marginSide(style, 'top'), OFF_SCREEN)
  );
}

function clipped(style: Declarations): boolean {
  return ['overflow', 'overflow-x', 'overflow-y'].some((p) => {
    const v = style.get(p);
    return v === 'hidden' || v === 'clip';
  });
}

/** An element's attributes, by lower-case name. */
export type Attributes = ReadonlyMap<string, string>;

/** The trick an element's own style and attributes hide it by, that nothing inside can undo. */
function ownHiding(tag: string, attrs: Attributes, style: Declarations): HidingTrick | null {
  const display = style.get('display');
  if (display === 'none') return 'display-none';
  if (attrs.has('hidden') && display === undefined) return 'display-none';
  if (tag === 'iframe' || tag === 'frame') {
    const w = style.get('width') ?? attrs.get('width');
    const h = style.get('height') ?? attrs.get('height');
    if (attributeAtMost(w, 1) || attributeAtMost(h, 1)) return 'zero-size-iframe';
  }
  if (tag === 'marquee') {
    const w = style.get('width') ?? attrs.get('width');
    const h = style.get('height') ?? attrs.get('height');
    const amount = Number(attrs.get('scrollamount'));
    if (attributeAtMost(w, 2) || attributeAtMost(h, 2) || amount >= 1000) return 'tiny-marquee';
  }
  const tiny =
    atMost(style.get('width'), 1) ||
    atMost(style.get('height'), 1) ||
    (atMost(style.get('line-height'), 0) && style.get('height') === undefined);
  if (tiny && clipped(style)) return 'zero-size';
  if (offScreen(style)) return 'off-screen';
  return null;
}

/** Elements hidden by their attributes alone. */
const SPECIAL: ReadonlySet<string> = new Set(['iframe', 'frame', 'marquee']);

/** What an element passes on, from its parent's and its own computed style. */
export function visibilityOf(
  parent: Visibility,
  tag: string,
  attrs: Attributes,
  style: Declarations,
): Visibility {
  const presentational = attrs.has('bgcolor') || (tag === 'font' && attrs.has('color'));
  if (style.size === 0 && !SPECIAL.has(tag) && !attrs.has('hidden') && !presentational) {
    return tag === 'a' && parent.colour !== null ? { ...parent, colour: null } : parent;
  }
  const hiddenBy = parent.hiddenBy ?? ownHiding(tag, attrs, style);
  const visibility = style.get('visibility');
  const visibilityHidden =
    visibility === 'hidden' || visibility === 'collapse'
      ? true
      : visibility === 'visible'
        ? false
        : parent.visibilityHidden;
  const fontSize = style.get('font-size');
  const fontZero =
    fontSize === undefined || fontSize === 'inherit' ? parent.fontZero : atMost(fontSize, 1);
  const indent = style.get('text-indent');
  const indentOff =
    indent === undefined || indent === 'inherit' ? parent.indentOff : atMost(indent, OFF_SCREEN);
  // HTML's old presentational attributes (<font color>, bgcolor) count as the CSS they map to.
  const ownColour = style.get('color') ?? (tag === 'font' ? attrs.get('color') : undefined);
  const colour =
    ownColour !== undefined && ownColour !== 'inherit'
      ? parseColour(ownColour)
      : tag === 'a' && ownColour === undefined
        ? null // a link has its own default colour
        : parent.colour;
  const bg = style.get('background-color') ?? style.get('background') ?? attrs.get('bgcolor');
  const background = (bg !== undefined ? backgroundColour(bg) : null) ?? parent.background;
  return { hiddenBy, visibilityHidden, fontZero, indentOff, colour, background };
}

/** An element's declarations: matching rules by specificity and order, then its own style. */
export function cascade(rules: readonly CssRule[], inline: string | undefined): Declarations {
  if (rules.length === 0 && inline === undefined) return EMPTY;
  const sorted = [...rules].sort((a, b) => a.specificity - b.specificity || a.order - b.order);
  const own = inline === undefined ? null : parseDeclarations(inline);
  const result = new Map<string, string>();
  for (const rule of sorted) for (const [k, v] of rule.declarations) result.set(k, v);
  if (own) for (const [k, v] of own.normal) result.set(k, v);
  for (const rule of sorted) for (const [k, v] of rule.important) result.set(k, v);
  if (own) for (const [k, v] of own.important) result.set(k, v);
  return result;
}

const EMPTY: Declarations = new Map();

/** Whether two states hide alike and pass on the same (compared field by field). */
export function sameVisibility(a: Visibility, b: Visibility): boolean {
  return (
    a === b ||
    (a.hiddenBy === b.hiddenBy &&
      a.visibilityHidden === b.visibilityHidden &&
      a.fontZero === b.fontZero &&
      a.indentOff === b.indentOff &&
      a.colour === b.colour &&
      a.background === b.background)
  );
}
