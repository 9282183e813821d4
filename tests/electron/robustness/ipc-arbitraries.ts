import fc from 'fast-check';

/** Keys that have bitten JavaScript before: prototype names, the empty key, odd strings. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''),
  fc.string(),
);

/** Made once: a string over every size limit at the door (the largest is ~27 MB of base64). */
let huge: string | null = null;
const hugeString = () => (huge ??= 'A'.repeat(30 * 1024 * 1024));

function nested(depth: number, leaf: unknown, asObject: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
}

/** JSON with an own "__proto__" key, as JSON.parse makes it (the harness's path). */
const parsedProto = fc
  .jsonValue()
  .map(
    (inner) =>
      JSON.parse(`{"__proto__":${JSON.stringify(inner) ?? 'null'},"polluted":1}`) as unknown,
  );

/** Strings a form would never send: controls, direction overrides, lone surrogates, blanks. */
const oddString = fc.oneof(
  fc.string().map((s) => `${s}\u0000`),
  fc.string().map((s) => `\u202e${s}`),
  fc.constantFrom(
    '\ud800',
    '\udfff',
    ' ',
    '\n',
    '\t',
    '\r\n',
    '../../etc/passwd',
    '..',
    '.',
    '%00',
  ),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.integer({ min: 256, max: 20_000 }).map((n) => '字'.repeat(n)),
);

const oddNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, -1),
  fc.double(),
  fc.integer(),
);

/**
 * Any value a caller could send: what JSON carries (the harness), what structured clone carries
 * (Electron IPC: Map, Set, Date, typed arrays, sparse arrays, boxed values, BigInt, null
 * prototypes), and the extremes (a 30 MB string, nesting up to 100,000 deep, prototype-named keys).
 */
export const anyInput: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue() },
  {
    weight: 6,
    arbitrary: fc.anything({
      key: hostileKey,
      maxDepth: 4,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withObjectString: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
    }),
  },
  { weight: 1, arbitrary: parsedProto },
  { weight: 1, arbitrary: oddString },
  { weight: 1, arbitrary: oddNumber },
  { weight: 1, arbitrary: fc.constant(null).map(() => hugeString()) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 100, max: 100_000 }), fc.jsonValue(), fc.boolean())
      .map(([depth, leaf, asObject]) => nested(depth, leaf, asObject)),
  },
);

type Path = readonly (string | number)[];

/** Every place in a JSON-like value, the root included. */
function pathsOf(value: unknown, at: Path = []): Path[] {
  const here: Path[] = [at];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => pathsOf(v, [...at, i])));
  if (value !== null && typeof value === 'object')
    return here.concat(...Object.entries(value).map(([k, v]) => pathsOf(v, [...at, k])));
  return here;
}

const OPS = [
  'replace',
  'plausible',
  'plausible',
  'plausible',
  'delete',
  'add-key',
  'odd-string',
  'odd-number',
  'sparse',
  'repeat',
  'corrupt-file',
  'corrupt-file',
] as const;
export interface Mutation {
  readonly op: (typeof OPS)[number];
  readonly where: number;
  readonly key: string;
  readonly value: unknown;
  readonly plausible: unknown;
  /** Of the same sort as the value it replaces: a string for a string, a number for a number. */
  readonly word: string;
  readonly count: number;
  readonly text: string;
  readonly number: number;
  /** For a file's bytes (dataBase64): cut, flip, insert or blank them at one place. */
  readonly damage: {
    readonly how: 'cut' | 'flip' | 'insert' | 'blank';
    readonly at: number;
    readonly byte: number;
  };
}

/**
 * One change to a known-good input: a hostile value, a key removed or added, or (most often) a
 * value of the right sort that is wrong here: another inspection's id, an id that does not exist,
 * a word from another field. Those pass the door and reach the handlers.
 */
export function mutation(known: readonly unknown[]): fc.Arbitrary<Mutation> {
  const words = known.filter((k): k is string => typeof k === 'string');
  const word = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...words) },
    fc.uuid({ version: 4 }),
    fc.stringMatching(/^[0-9a-f]{64}$/),
    fc.string({ maxLength: 30 }),
    fc.constantFrom('spring', 'autumn', 'json', 'xlsx', 'zh-CN', 'en-US', 'open', 'done', 'a.json'),
  );
  return fc.record({
    op: fc.constantFrom(...OPS),
    where: fc.nat(),
    key: hostileKey,
    value: anyInput,
    plausible: fc.oneof(fc.constantFrom(...known), fc.boolean()),
    word,
    count: fc.integer({ min: -5, max: 3000 }),
    text: oddString,
    number: oddNumber,
    damage: fc.record({
      how: fc.constantFrom('cut', 'flip', 'insert', 'blank'),
      at: fc.nat(),
      byte: fc.integer({ min: 1, max: 255 }),
    }),
  });
}

const own = (target: object, key: string, value: unknown) =>
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });

/** A file's bytes, damaged the way a disk, a download or a hand in a hex editor would. */
function damaged(base64: string, { how, at, byte }: Mutation['damage']): string {
  const bytes = Buffer.from(base64, 'base64');
  const p = bytes.length === 0 ? 0 : at % bytes.length;
  switch (how) {
    case 'cut':
      return bytes.subarray(0, p).toString('base64');
    case 'flip':
      if (bytes.length > 0) bytes[p] = bytes[p]! ^ byte;
      return bytes.toString('base64');
    case 'insert':
      return Buffer.concat([
        bytes.subarray(0, p),
        Buffer.alloc(byte, byte),
        bytes.subarray(p),
      ]).toString('base64');
    case 'blank':
      bytes.fill(0, p, Math.min(bytes.length, p + byte));
      return bytes.toString('base64');
  }
}

/** A deep copy with one thing changed where the mutation says; the example itself is left alone. */
export function mutate(example: unknown, m: Mutation): unknown {
  const root = structuredClone(example);
  // The root is replaced wholesale by the other property; here one thing inside it changes.
  const all = pathsOf(root);
  const paths = all.length > 1 ? all.slice(1) : all;
  // A file is damaged in its bytes: aim at the file when the example carries one.
  const files = paths.filter((p) => p.at(-1) === 'dataBase64');
  const pool = m.op === 'corrupt-file' && files.length > 0 ? files : paths;
  const target = pool[m.where % pool.length]!;
  const change = (current: unknown, key?: string | number): unknown => {
    switch (m.op) {
      case 'corrupt-file':
        return key === 'dataBase64' && typeof current === 'string'
          ? damaged(current, m.damage)
          : m.value;
      case 'replace':
        return m.value;
      case 'plausible':
        if (typeof current === 'string') return m.word;
        if (typeof current === 'number') return m.count;
        return m.plausible;
      case 'odd-string':
        return m.text;
      case 'odd-number':
        return m.number;
      case 'add-key':
        return current !== null && typeof current === 'object' && !Array.isArray(current)
          ? own({ ...current }, m.key, m.value)
          : { [m.key]: m.value };
      case 'sparse': {
        const list = Array.isArray(current) ? [...(current as unknown[])] : [current];
        list.length += 3;
        return list;
      }
      case 'repeat':
        return Array.isArray(current) && current.length > 0
          ? Array.from({ length: 600 }, () => current[0])
          : [current, current];
      case 'delete':
        return undefined;
    }
  };
  if (target.length === 0) return change(root);
  let parent = root as Record<string | number, unknown>;
  for (const step of target.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = target.at(-1)!;
  if (m.op === 'delete' && !Array.isArray(parent)) Reflect.deleteProperty(parent, last);
  else own(parent, String(last), change(parent[last], last));
  return root;
}
