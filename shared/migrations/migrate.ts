/**
 * Versioned documents (settings, stored inspections) carry `schemaVersion`. Each step turns
 * version N into N+1 and is a pure function, tested on its own; `migrate` chains them.
 */
export interface MigrationStep {
  /** The version this step reads; it writes `from + 1`. */
  readonly from: number;
  readonly up: (doc: Readonly<Record<string, unknown>>) => Record<string, unknown>;
}

export type MigrationOutcome =
  | { readonly kind: 'current'; readonly doc: Record<string, unknown> }
  | { readonly kind: 'migrated'; readonly doc: Record<string, unknown>; readonly from: number }
  /** Written by a newer app: never rewritten by this one. */
  | { readonly kind: 'newer'; readonly found: number }
  /** Not an object with a whole, positive schemaVersion: not ours, or damaged. */
  | { readonly kind: 'unversioned' };

export function migrate(
  doc: unknown,
  steps: readonly MigrationStep[],
  current: number,
): MigrationOutcome {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return { kind: 'unversioned' };
  const record = doc as Record<string, unknown>;
  const found = Object.hasOwn(record, 'schemaVersion') ? record.schemaVersion : undefined;
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 1)
    return { kind: 'unversioned' };
  if (found > current) return { kind: 'newer', found };
  if (found === current) return { kind: 'current', doc: record };
  let value: Record<string, unknown> = record;
  for (let version = found; version < current; version++) {
    const step = steps.find((s) => s.from === version);
    if (!step) return { kind: 'unversioned' };
    value = { ...step.up(value), schemaVersion: version + 1 };
  }
  return { kind: 'migrated', doc: value, from: found };
}
