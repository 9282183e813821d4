import { INSPECTION_FORMAT, INSPECTION_FORMAT_V1 } from '../inspection/schema';

/**
 * `qinglang-inspection/1` → `/2`, on the raw document before it is checked: the format name,
 * and `reopened` (no sign-off could be voided before /2 existed). Everything else in /1 is valid
 * /2. A /1 file cannot carry a signature, so a `signed` in it is left for the import review to
 * judge (it comes in as a draft, with the reason). Anything that is not a /1 document is
 * returned unchanged, for the schema to judge.
 */
export function upgradeInspectionDocument(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const doc = input as Record<string, unknown>;
  if (doc.format !== INSPECTION_FORMAT_V1) return input;
  const upgraded: Record<string, unknown> = {};
  // Key by key, in the document's order, so a key named like a prototype stays plain data.
  for (const key of Object.keys(doc)) {
    const value = key === 'format' ? INSPECTION_FORMAT : doc[key];
    Object.defineProperty(upgraded, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    if (key === 'actions' && !Object.hasOwn(doc, 'reopened')) upgraded.reopened = [];
  }
  if (!Object.hasOwn(upgraded, 'reopened')) upgraded.reopened = [];
  return upgraded;
}
