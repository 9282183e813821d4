/**
 * Looks a key up in a plain record, and only among its own keys: a key taken from a file
 * ("constructor", "__proto__", "toString") must never find what Object.prototype has.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
