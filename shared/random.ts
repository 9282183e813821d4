/**
 * A small seeded pseudo-random generator for reproducible sample data: the same seed gives the
 * same sequence on every machine and Node version, which Math.random never promises. Not for
 * anything secret (ids that must be unguessable come from the platform's crypto).
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An unsigned 32-bit integer. */
  uint32(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** true with probability p (0..1). */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One value, drawn in proportion to its (non-negative) weight. */
  weighted<T>(entries: readonly (readonly [value: T, weight: number])[]): T;
  /** A shuffled copy; the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** `length` lowercase hexadecimal digits. */
  hex(length: number): string;
}

/**
 * cyrb128: four well-mixed 32-bit words from a string, so that seeds differing in one character
 * start the generator far apart.
 */
export function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 (Chris Doty-Humphrey's small fast counter): 128 bits of state, passes PractRand. */
export function createRandom(seed: string): Random {
  let [a, b, c, d] = hashSeed(seed);
  const uint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs still echo the seed's hash; a few rounds spread it through the state.
  for (let i = 0; i < 15; i++) uint32();

  const next = (): number => uint32() / 4294967296;
  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`int(${min}, ${max}): need integers with min <= max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[int(0, items.length - 1)]!;
  };

  return {
    next,
    uint32,
    int,
    chance: (p) => next() < p,
    pick,
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      const total = entries.reduce((sum, [, w]) => sum + Math.max(0, w), 0);
      if (!(total > 0)) throw new RangeError('weighted: no entry has a positive weight');
      let left = next() * total;
      for (const [value, weight] of entries) {
        left -= Math.max(0, weight);
        if (left < 0) return value;
      }
      // Rounding can leave a sliver at the end: it belongs to the last entry that can be drawn.
      return entries.findLast(([, w]) => w > 0)![0];
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    hex(length: number): string {
      let out = '';
      while (out.length < length) out += uint32().toString(16).padStart(8, '0');
      return out.slice(0, length);
    },
  };
}
