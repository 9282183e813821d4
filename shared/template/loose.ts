/**
 * Reading JSON whose shape is not yet known: the meaning checks run on half-valid templates too,
 * so every field is looked at through these, never trusted.
 */

export type Loose = Record<string, unknown>;
export const obj = (v: unknown): Loose | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Loose) : null;
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
