import os from 'node:os';

// A user folder in any spelling a log line may carry it: C:\Users\Name, C:\\Users\\Name (inside
// JSON), file:///C:/Users/Name, /home/name, /Users/name. The folder name is usually a person's.
const USER_FOLDER =
  /(?:file:\/{2,3})?(?:[A-Za-z]:)?(?:\\{1,2}|\/)(?:Users|home|Documents and Settings)(?:\\{1,2}|\/)[^\\/"'\s:]+/gi;
// Bounded, so a long run of word characters without an @ costs linear time, not quadratic.
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}/g;
// Phone numbers, ID-card numbers (18 digits, maybe ending in X), student numbers.
const LONG_NUMBER = /\d{6,}[\dXx]?/g;
// Engine and library messages are English; Chinese text in a log line is the user's data
// (a name, a school, an answer), so it never reaches the file.
const CJK_TEXT = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

/**
 * Removes what could identify a person from a line bound for the log, so a school can send the
 * log to support without sending anyone's personal information.
 */
export function redact(text: string, home: string = os.homedir()): string {
  let out = text;
  if (home.length > 1) out = out.split(home).join('~');
  return out
    .replace(USER_FOLDER, '~')
    .replace(EMAIL, '[email]')
    .replace(LONG_NUMBER, '[number]')
    .replace(CJK_TEXT, '[text]');
}
