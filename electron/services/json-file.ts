import fs from 'node:fs';

export type JsonFile =
  | { readonly kind: 'missing' }
  | { readonly kind: 'unparseable' }
  | { readonly kind: 'parsed'; readonly value: unknown };

/**
 * Reads a JSON file as it is on disk. (conf reads a non-object file as {} and fills in its
 * defaults, which would hide a damaged file and then overwrite it; so files are judged here.)
 */
export function readJsonFile(file: string): JsonFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'EISDIR') return { kind: 'unparseable' };
    throw error;
  }
  try {
    return { kind: 'parsed', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'unparseable' };
  }
}
