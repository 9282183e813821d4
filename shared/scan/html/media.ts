/**
 * Which screens an `@media` condition holds on (issue 13). A rule for some screens only (a menu
 * folded away on phones, a banner left out on small laptops) hides nothing from the visitors of
 * the others, so the hidden-link detector judges every element on a few representative screens
 * and calls it hidden only when it is hidden on all of them. A condition is read against each;
 * a rule keeps the set (a bit mask) of those it applies on.
 *
 * Residual risk, known: a condition that holds on no representative screen but on some real
 * ones (hidden below 1919px and above 1921px) is read as not hiding there, and one that spares
 * only a representative width hides from everyone else (so an attacker could hide a link from all
 * but 360px-wide phones; they are the commonest phones in China, so real visitors see it).
 * Features read: width, height (and device-, min-, max-, and the `<`/`>` range forms),
 * orientation, aspect-ratio, resolution and device-pixel-ratio, hover, pointer, any-hover,
 * any-pointer, prefers-color-scheme. Any other feature, or a condition not understood, is taken
 * to hold everywhere (which is what the reader did for every `@media` before).
 */

interface Screen {
  readonly width: number;
  readonly height: number;
  /** Device pixels per CSS pixel. */
  readonly resolution: number;
  readonly hover: boolean;
  readonly pointer: 'fine' | 'coarse';
}

/** A desktop, a tablet held landscape, a phone. */
const SCREENS: readonly Screen[] = [
  { width: 1920, height: 1080, resolution: 1, hover: true, pointer: 'fine' },
  { width: 1024, height: 768, resolution: 2, hover: false, pointer: 'coarse' },
  { width: 360, height: 780, resolution: 3, hover: false, pointer: 'coarse' },
];

export const SCREEN_COUNT = SCREENS.length;
/** The mask of a rule that applies on every screen. */
export const ALL_SCREENS = (1 << SCREEN_COUNT) - 1;

function maskWhere(test: (screen: Screen) => boolean): number {
  let mask = 0;
  SCREENS.forEach((screen, i) => {
    if (test(screen)) mask |= 1 << i;
  });
  return mask;
}

/** A length in px (em and rem as 16px), or null. */
function pixels(value: string): number | null {
  const match = /^(-?\d*\.?\d+)(px|em|rem)?$/.exec(value.trim());
  if (!match) return null;
  const n = Number(match[1]);
  if (!Number.isFinite(n)) return null;
  return match[2] === 'em' || match[2] === 'rem' ? n * 16 : match[2] === 'px' || n === 0 ? n : null;
}

/** A resolution in dppx, or null. */
function dppx(value: string): number | null {
  const match = /^(\d*\.?\d+)(dppx|x|dpi|dpcm)?$/.exec(value.trim());
  if (!match) return null;
  const n = Number(match[1]);
  switch (match[2]) {
    case 'dpi':
      return n / 96;
    case 'dpcm':
      return (n * 2.54) / 96;
    default:
      return n; // dppx, x, and the bare number of -webkit-device-pixel-ratio
  }
}

function ratio(value: string): number | null {
  const match = /^(\d*\.?\d+)\s*(?:\/\s*(\d*\.?\d+))?$/.exec(value.trim());
  if (!match) return null;
  const n = Number(match[1]) / Number(match[2] ?? 1);
  return Number.isFinite(n) ? n : null;
}

type Compare = 'min' | 'max' | 'exact';

function compare(actual: number, wanted: number, how: Compare): boolean {
  return how === 'min' ? actual >= wanted : how === 'max' ? actual <= wanted : actual === wanted;
}

/** A numeric feature's value on a screen, with the reader of its wanted value. */
function numeric(
  name: string,
): { of: (s: Screen) => number; read: (v: string) => number | null } | null {
  switch (name) {
    case 'width':
    case 'device-width':
      return { of: (s) => s.width, read: pixels };
    case 'height':
    case 'device-height':
      return { of: (s) => s.height, read: pixels };
    case 'aspect-ratio':
    case 'device-aspect-ratio':
      return { of: (s) => s.width / s.height, read: ratio };
    case 'resolution':
    case 'device-pixel-ratio':
      return { of: (s) => s.resolution, read: dppx };
    default:
      return null;
  }
}

/** `name: value` or `name` (a media feature in its parentheses), or null when not understood. */
function plainFeature(feature: string): number | null {
  const colon = feature.indexOf(':');
  let name = (colon < 0 ? feature : feature.slice(0, colon)).trim().replace(/^-(webkit|moz)-/, '');
  const value = colon < 0 ? '' : feature.slice(colon + 1).trim();
  let how: Compare = 'exact';
  const prefix = /^(min|max)-?-/.exec(name);
  if (prefix) {
    how = prefix[1] === 'min' ? 'min' : 'max';
    name = name.slice(prefix[0].length);
  }
  if (name === 'orientation')
    return maskWhere((s) => (s.height >= s.width ? 'portrait' : 'landscape') === value);
  if (name === 'hover' || name === 'any-hover')
    return maskWhere((s) => (value === '' ? s.hover : (s.hover ? 'hover' : 'none') === value));
  if (name === 'pointer' || name === 'any-pointer')
    return maskWhere((s) => (value === '' ? true : s.pointer === value));
  if (name === 'prefers-color-scheme') return value === 'dark' ? 0 : ALL_SCREENS;
  const measured = numeric(name);
  if (!measured) return null;
  if (value === '') return ALL_SCREENS;
  const wanted = measured.read(value);
  if (wanted === null) return null;
  return maskWhere((s) => compare(measured.of(s), wanted, how));
}

const RANGE = /^([^<>=]+?)\s*(<=|>=|<|>|=)\s*([^<>=]+?)(?:\s*(<=|>=|<|>|=)\s*([^<>=]+?))?$/;

function holds(left: number, op: string, right: number): boolean {
  switch (op) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    default:
      return left === right;
  }
}

/** The range form: `width < 768px`, `768px <= width`, `400px <= width <= 700px`. */
function rangeFeature(feature: string): number | null {
  const match = RANGE.exec(feature.trim());
  if (!match) return null;
  const [, a = '', op1 = '', b = '', op2, c] = match;
  const nameAt = numeric(a.trim()) ? 'left' : numeric(b.trim()) ? 'middle' : null;
  if (nameAt === null) return null;
  const f = numeric((nameAt === 'left' ? a : b).trim());
  if (!f) return null;
  if (nameAt === 'left') {
    const wanted = f.read(b);
    return op2 !== undefined || wanted === null
      ? null
      : maskWhere((s) => holds(f.of(s), op1, wanted));
  }
  const low = f.read(a);
  const high = c === undefined ? null : f.read(c);
  if (low === null || (c !== undefined && high === null)) return null;
  return maskWhere(
    (s) =>
      holds(low, op1, f.of(s)) && (op2 === undefined || high === null || holds(f.of(s), op2, high)),
  );
}

/** One media query of a list: `[not|only] [type] [and (feature)]…`. */
function queryMask(query: string): number {
  let text = query.trim().toLowerCase();
  if (text === '') return ALL_SCREENS;
  let negate = false;
  if (/^not\s/.test(text)) {
    negate = true;
    text = text.slice(4).trim();
  } else if (/^only\s/.test(text)) {
    text = text.slice(5).trim();
  }
  let mask = ALL_SCREENS;
  const type = /^([a-z-]+)/.exec(text)?.[1];
  if (type !== undefined) {
    if (type !== 'all' && type !== 'screen') mask = 0; // print, speech, and types no browser has
    text = text.slice(type.length).trim();
  }
  // What is left must be `and (…) and (…)`; `or`, nested parentheses, `not (…)` are not read.
  const rest = text.replace(/^and\s*/, '');
  if (rest !== '') {
    if (!rest.startsWith('(') || !rest.endsWith(')')) return ALL_SCREENS;
    for (const feature of rest.slice(1, -1).split(/\)\s*and\s*\(/)) {
      if (/[()]/.test(feature)) return ALL_SCREENS;
      const m = /[<>=]/.test(feature) ? rangeFeature(feature) : plainFeature(feature);
      if (m === null) return ALL_SCREENS;
      mask &= m;
    }
  }
  return negate ? ALL_SCREENS & ~mask : mask;
}

/** The screens a media query list (what follows `@media`, or a `media` attribute) holds on. */
export function mediaMask(queries: string): number {
  let mask = 0;
  for (const query of queries.split(',')) mask |= queryMask(query);
  return mask;
}
