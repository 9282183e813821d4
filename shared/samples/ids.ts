import type { Random } from '../random';

/** A UUID v4's shape (version 4, variant 10xx), drawn from the seeded generator. */
export function uuid(rng: Random): string {
  const hex = rng.hex(32).split('');
  hex[12] = '4';
  hex[16] = '89ab'[rng.int(0, 3)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** A row or action id, unique within the inspection. */
export function shortId(rng: Random, taken: Set<string>): string {
  for (;;) {
    const id = rng.hex(12);
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}
