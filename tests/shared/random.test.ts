import { describe, expect, it, vi } from 'vitest';
import { createRandom, hashSeed } from '../../shared/random';

const draw = (seed: string, n: number) => {
  const rng = createRandom(seed);
  return Array.from({ length: n }, () => rng.uint32());
};

describe('createRandom', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    expect(draw('qinglang', 100)).toEqual(draw('qinglang', 100));
    expect(draw('qinglang', 100)).not.toEqual(draw('qinglang2', 100));
    expect(draw('a', 100)).not.toEqual(draw('b', 100));
  });

  it('is exactly cyrb128 + sfc32, so sample files never change under a new Node version', () => {
    // Reference values from bryc's published cyrb128 and sfc32, after 15 discarded outputs.
    expect(hashSeed('')).toEqual([41608494, 3485963809, 1435736333, 1262568316]);
    expect(draw('qinglang', 4)).toEqual([4109511408, 3534036971, 1316438795, 2029112928]);
  });

  it('reads neither Math.random nor the clock', () => {
    const refuse = () => {
      throw new Error('not allowed here');
    };
    const random = vi.spyOn(Math, 'random').mockImplementation(refuse);
    const now = vi.spyOn(Date, 'now').mockImplementation(refuse);
    try {
      const rng = createRandom('x');
      rng.next();
      rng.int(1, 6);
      rng.shuffle([1, 2, 3]);
      rng.weighted([['a', 1]]);
      rng.hex(40);
    } finally {
      random.mockRestore();
      now.mockRestore();
    }
    expect(random).not.toHaveBeenCalled();
    expect(now).not.toHaveBeenCalled();
  });

  it('next() stays in [0, 1) and spreads evenly', () => {
    const rng = createRandom('spread');
    const buckets = new Array<number>(10).fill(0);
    const n = 100_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outside++;
      else buckets[Math.floor(x * 10)]!++;
    }
    expect(outside).toBe(0);
    for (const count of buckets) expect(Math.abs(count - n / 10)).toBeLessThan(n / 100);
  });

  it('int(min, max) includes both ends and nothing outside them', () => {
    const rng = createRandom('dice');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = rng.int(-2, 3);
      expect(Number.isInteger(x) && x >= -2 && x <= 3).toBe(true);
      seen.add(x);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(rng.int(7, 7)).toBe(7);
  });

  it.each([
    [3, 2],
    [0.5, 2],
    [0, Number.POSITIVE_INFINITY],
  ])('int(%s, %s) is refused', (min, max) => {
    expect(() => createRandom('x').int(min, max)).toThrow(RangeError);
  });

  it('chance(p) is never true at 0, always at 1, about p in between', () => {
    const rng = createRandom('coin');
    let hits = 0;
    for (let i = 0; i < 10_000; i++) {
      expect(rng.chance(0)).toBe(false);
      expect(rng.chance(1)).toBe(true);
      if (rng.chance(0.3)) hits++;
    }
    expect(hits).toBeGreaterThan(2800);
    expect(hits).toBeLessThan(3200);
  });

  it('pick() draws every element and refuses an empty list', () => {
    const rng = createRandom('pick');
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(rng.pick(['a', 'b', 'c']));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('weighted() follows the weights and never draws a zero weight', () => {
    const rng = createRandom('weights');
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 10_000; i++) {
      counts[
        rng.weighted([
          ['a', 1],
          ['b', 3],
          ['c', 0],
        ] as const)
      ]++;
    }
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.6);
    expect(counts.b / counts.a).toBeLessThan(3.4);
    expect(() => rng.weighted([['a', 0]])).toThrow(RangeError);
    expect(() => rng.weighted([])).toThrow(RangeError);
  });

  it('shuffle() returns a permutation and leaves its input alone', () => {
    const rng = createRandom('cards');
    const input = Array.from({ length: 50 }, (_, i) => i);
    const copy = [...input];
    const shuffled = rng.shuffle(input);
    expect(input).toEqual(copy);
    expect(shuffled).not.toEqual(input);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(input);
    expect(rng.shuffle([])).toEqual([]);
  });

  it('hex(n) gives n lowercase hex digits', () => {
    const rng = createRandom('hex');
    for (const n of [0, 1, 8, 12, 32, 33])
      expect(rng.hex(n)).toMatch(new RegExp(`^[0-9a-f]{${n}}$`));
  });
});
