/**
 * CSS colours as the same-colour hiding trick compares them (issue 13): named colours (the
 * sixteen basic ones and the near-whites and greys pages hide text with), #rgb, #rrggbb (and
 * their alpha forms, alpha ignored), rgb() and rgba(). A colour is kept as 0xRRGGBB.
 */

const NAMED: Readonly<Record<string, number>> = {
  black: 0x000000,
  silver: 0xc0c0c0,
  gray: 0x808080,
  grey: 0x808080,
  white: 0xffffff,
  maroon: 0x800000,
  red: 0xff0000,
  purple: 0x800080,
  fuchsia: 0xff00ff,
  green: 0x008000,
  lime: 0x00ff00,
  olive: 0x808000,
  yellow: 0xffff00,
  navy: 0x000080,
  blue: 0x0000ff,
  teal: 0x008080,
  aqua: 0x00ffff,
  orange: 0xffa500,
  snow: 0xfffafa,
  ivory: 0xfffff0,
  ghostwhite: 0xf8f8ff,
  whitesmoke: 0xf5f5f5,
  floralwhite: 0xfffaf0,
  linen: 0xfaf0e6,
  gainsboro: 0xdcdcdc,
  lightgray: 0xd3d3d3,
  lightgrey: 0xd3d3d3,
  darkgray: 0xa9a9a9,
  darkgrey: 0xa9a9a9,
  dimgray: 0x696969,
  dimgrey: 0x696969,
};

function channel(text: string): number | null {
  const t = text.trim();
  const percent = t.endsWith('%');
  const n = Number(percent ? t.slice(0, -1) : t);
  if (t === '' || !Number.isFinite(n)) return null;
  return Math.max(0, Math.min(255, Math.round(percent ? (n * 255) / 100 : n)));
}

/** Colours read so far: a page repeats the same few on every element. */
const known = new Map<string, number | null>();

/** A colour value as 0xRRGGBB; null when transparent or not a colour we read. */
export function parseColour(value: string): number | null {
  const cached = known.get(value);
  if (cached !== undefined) return cached;
  const colour = readColour(value);
  if (known.size >= 1_000) known.clear();
  known.set(value, colour);
  return colour;
}

function readColour(value: string): number | null {
  const v = value.trim().toLowerCase();
  const named = Object.hasOwn(NAMED, v) ? NAMED[v] : undefined;
  if (named !== undefined) return named;
  const hex = /^#([0-9a-f]{3,8})$/.exec(v)?.[1];
  if (hex !== undefined) {
    if (hex.length === 3 || hex.length === 4) {
      const [r, g, b] = [...hex].map((c) => parseInt(c + c, 16));
      return ((r ?? 0) << 16) | ((g ?? 0) << 8) | (b ?? 0);
    }
    if (hex.length === 6 || hex.length === 8) return parseInt(hex.slice(0, 6), 16);
    return null;
  }
  const rgb = /^rgba?\(([^)]*)\)$/.exec(v)?.[1];
  if (rgb === undefined) return null;
  const parts = rgb.split(/[\s,/]+/).filter((p) => p !== '');
  if (parts.length < 3) return null;
  const alpha = parts[3]?.replace('%', '');
  if (alpha !== undefined && Number(alpha) === 0) return null; // fully transparent
  const [r, g, b] = parts.slice(0, 3).map(channel);
  if (r == null || g == null || b == null) return null;
  return (r << 16) | (g << 8) | b;
}

/** The colour in a `background` shorthand (`#fff url(x.png) no-repeat`), or null. */
export function backgroundColour(value: string): number | null {
  const whole = parseColour(value);
  if (whole !== null) return whole;
  const fn = /rgba?\([^)]*\)/.exec(value)?.[0];
  if (fn) return parseColour(fn);
  for (const token of value.replace(/url\([^)]*\)/g, ' ').split(/\s+/)) {
    const colour = parseColour(token);
    if (colour !== null) return colour;
  }
  return null;
}

/** Whether two colours look the same to a reader (each channel within 4 of the other). */
export function sameColour(a: number, b: number): boolean {
  for (const shift of [16, 8, 0]) {
    if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 4) return false;
  }
  return true;
}
