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
  return JSON.stringify(sortKeys(value));
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
