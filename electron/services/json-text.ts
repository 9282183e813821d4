/**
 * JSON files as people save them. Windows editors (Notepad, WPS) often begin a UTF-8 file with a
 * byte-order mark, which is not JSON; every door that reads a JSON file people may have touched
 * goes through here.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A JSON file's value from its bytes, or null when the bytes are not UTF-8 or not JSON. Bytes that
 * are not UTF-8 are refused rather than read with replacement characters, which would change the
 * data without a word.
 */
export function parseJsonBytes(bytes: Uint8Array): { readonly value: unknown } | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { value: JSON.parse(withoutByteOrderMark(text)) as unknown };
  } catch {
    return null;
  }
}
