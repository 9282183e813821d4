import type { Bilingual } from './i18n/locale';
import { own } from './own';

/**
 * Messages for the checks a schema makes itself (refinements, patterns). A schema names the
 * message by key; whoever reports the problem (import, the IPC door) shows it in the user's
 * language. zod's own messages are translated by its locales.
 */
export const ISSUE_MESSAGES = {
  'control-characters': {
    'zh-CN': '含有不可见的控制字符或文字方向控制符',
    'en-US': 'contains invisible control or text-direction characters',
  },
  'one-line': { 'zh-CN': '只能有一行', 'en-US': 'must be one line' },
  required: { 'zh-CN': '必填', 'en-US': 'required' },
  'school-code': {
    'zh-CN': '应为 4–32 位数字、字母或“-”',
    'en-US': 'should be 4–32 digits, letters or "-"',
  },
  phone: {
    'zh-CN': '只能包含数字、空格和 + - ( )',
    'en-US': 'digits, spaces and + - ( ) only',
  },
} as const satisfies Record<string, Bilingual>;

export type IssueKey = keyof typeof ISSUE_MESSAGES;

/** The bilingual text for a message that is one of the keys above, or null. */
export function issueText(message: string): Bilingual | null {
  return own(ISSUE_MESSAGES, message) ?? null;
}
