import type { Inspection } from './schema';

/**
 * The file text of an inspection: keys in the schema's order (a validated inspection comes out
 * of zod in that order), two-space indent, a final newline. Exports and sample data use it.
 */
export function inspectionJson(inspection: Inspection): string {
  return `${JSON.stringify(inspection, null, 2)}\n`;
}

/**
 * The canonical text whose SHA-256 is an inspection's content hash (and, in a later issue, what
 * the principal's key signs): keys sorted by UTF-16 code unit at every level, no whitespace.
 * Its UTF-8 bytes are hashed. Arrays keep their order; there are no undefined values in a
 * validated inspection.
 */
export function canonicalText(value: unknown): string {
  return typeof value === 'object' && value !== null
    ? canonicalOf(value)
    : JSON.stringify(sortKeys(value));
}

/**
 * What JSON.stringify writes for the value with its keys sorted (sortKeys below, the definition),
 * written directly: no sorted copy is built. A JSON object lists keys that are array indices
 * first, in numeric order, then the rest as added; so where one key looks like a number, the
 * order is taken from an object built as sortKeys builds it.
 */
function canonicalOf(value: object): string {
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (let i = 0; i < value.length; i += 1) parts.push(written(value[i] as unknown) ?? 'null');
    return `[${parts.join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of orderedKeys(record)) {
    const text = written(record[key]);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

/** One value as JSON.stringify writes it (undefined where it leaves it out). */
function written(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null) return canonicalOf(value);
  return JSON.stringify(value) as string | undefined;
}

function orderedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record).sort();
  if (!keys.some((key) => key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57)) return keys;
  const sorted: Record<string, unknown> = {};
  for (const key of keys)
    Object.defineProperty(sorted, key, {
      value: 0,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return Object.keys(sorted);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      Object.defineProperty(sorted, key, {
        value: sortKeys((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return sorted;
  }
  return value;
}
