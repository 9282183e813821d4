import type { Bilingual } from '../../shared/i18n/locale';

/**
 * JSON files as people save them. Windows editors (Notepad, WPS) often begin a UTF-8 file with a
 * byte-order mark, which is not JSON; every door that reads a JSON file people may have touched
 * goes through here.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A JSON file's value, or what is wrong with its bytes, said so a person can find it. */
export type JsonRead =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: Bilingual };

/**
 * A JSON file's value from its bytes. Bytes that are not UTF-8 are refused rather than read with
 * replacement characters, which would change the data without a word.
 */
export function readJsonBytes(bytes: Uint8Array): JsonRead {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      problem: {
        'zh-CN': '不是 UTF-8 编码的文本（可能是二进制文件，或用 GBK 等其他编码保存）',
        'en-US': 'not UTF-8 text (a binary file, or saved in another encoding such as GBK)',
      },
    };
  }
  const body = withoutByteOrderMark(text);
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    return { ok: false, problem: jsonSyntaxProblem(body, error) };
  }
}

/** A JSON file's value from its bytes, or null when the bytes are not UTF-8 or not JSON. */
export function parseJsonBytes(bytes: Uint8Array): { readonly value: unknown } | null {
  const read = readJsonBytes(bytes);
  return read.ok ? { value: read.value } : null;
}

/** Where JSON.parse gave up on `body`, as a line and column a person can go to. */
export function jsonSyntaxProblem(body: string, error: unknown): Bilingual {
  const message = error instanceof Error ? error.message : String(error);
  const offset = /end of JSON input/.test(message)
    ? body.length
    : (positionIn(message) ?? firstBadOffset(body));
  // Stopped at the end ("expected ',' or '}'" there): the file was cut short.
  if (offset >= body.trimEnd().length) {
    return {
      'zh-CN': '不是有效的 JSON（文件在中途结束）',
      'en-US': 'not valid JSON (the file ends too early)',
    };
  }
  const before = body.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return {
    'zh-CN': `不是有效的 JSON（第 ${line} 行第 ${column} 列）`,
    'en-US': `not valid JSON (line ${line}, column ${column})`,
  };
}

const positionIn = (message: string): number | null => {
  const position = /position (\d+)/.exec(message)?.[1];
  return position === undefined ? null : Number(position);
};

/**
 * V8 names no position for an unexpected token (only a snippet around it). The first character
 * JSON cannot continue with is found by halving: a prefix that ends before it parses, or fails
 * only for ending early; one that takes it in fails before its end. About 25 parses for 20 MB.
 */
function firstBadOffset(body: string): number {
  const failsInside = (length: number): boolean => {
    try {
      JSON.parse(body.slice(0, length));
      return false;
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      if (/end of JSON input/.test(message)) return false;
      const position = positionIn(message);
      return position === null || position < length;
    }
  };
  let [low, high] = [0, body.length];
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsInside(middle + 1)) high = middle;
    else low = middle + 1;
  }
  return low;
}
