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
  'id-pattern': {
    'zh-CN': '只能用小写字母、数字和 _，以字母开头，最多 64 个字符',
    'en-US': 'lowercase letters, digits and _ only, starting with a letter, at most 64',
  },
  version: {
    'zh-CN': '应为用点隔开的数字，如 2026.1',
    'en-US': 'numbers separated by dots, e.g. 2026.1',
  },
  'no-line-breaks': { 'zh-CN': '只能是一行，不能换行', 'en-US': 'one line, no line breaks' },
  'iso-date': { 'zh-CN': '应为日期，如 2026-11-29', 'en-US': 'a date such as 2026-11-29' },
  sha256: {
    'zh-CN': '应为 64 位十六进制的 SHA-256 值',
    'en-US': 'a SHA-256 of 64 hexadecimal digits',
  },
  'record-id': {
    'zh-CN': '编号格式不对',
    'en-US': 'not a valid id',
  },
  'media-type': {
    'zh-CN': '文件类型的写法不对（如 application/pdf）',
    'en-US': 'not a media type such as application/pdf',
  },
  'public-key': {
    'zh-CN': '不是 Ed25519 公钥（Base64 编码的 SubjectPublicKeyInfo）',
    'en-US': 'not an Ed25519 public key (base64 of its SubjectPublicKeyInfo)',
  },
  signature: {
    'zh-CN': '不是 Ed25519 签名（Base64 编码的 64 个字节）',
    'en-US': 'not an Ed25519 signature (64 bytes in base64)',
  },
} as const satisfies Record<string, Bilingual>;

export type IssueKey = keyof typeof ISSUE_MESSAGES;

/** The bilingual text for a message that is one of the keys above, or null. */
export function issueText(message: string): Bilingual | null {
  return own(ISSUE_MESSAGES, message) ?? null;
}
