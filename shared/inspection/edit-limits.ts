import type { Bilingual } from '../i18n/locale';
import { own } from '../own';
import type { Change } from './changes';
import type { Inspection } from './schema';
import { FORBIDDEN_CHARACTERS, LIMITS, TEXT_LIMITS } from './patterns';

const FORBIDDEN_GLOBAL = new RegExp(FORBIDDEN_CHARACTERS.source, 'g');

/**
 * Text as typed or pasted, without the invisible characters no field may hold. Windows adds
 * direction marks around copied phone numbers; they are dropped rather than refusing the edit.
 */
export function cleanText(text: string): string {
  return text.replace(FORBIDDEN_GLOBAL, '');
}

const cleanValue = <T>(value: T): T =>
  (typeof value === 'string'
    ? cleanText(value)
    : Array.isArray(value)
      ? value.map((v: unknown) => (typeof v === 'string' ? cleanText(v) : v))
      : value) as T;

/** The same edit with its typed text cleaned (see cleanText). */
export function cleanChange(change: Change): Change {
  switch (change.kind) {
    case 'answer':
      return { ...change, value: cleanValue(change.value) };
    case 'note':
      return { ...change, note: cleanText(change.note) };
    case 'cell':
      return { ...change, value: cleanValue(change.value) };
    case 'cells':
      return {
        ...change,
        values: change.values.map((v) => ({ ...v, value: cleanValue(v.value) })),
      };
    case 'action-put':
      return {
        ...change,
        action: {
          ...change.action,
          description: cleanText(change.action.description),
          owner: cleanText(change.action.owner),
          ...(change.action.doneNote !== undefined && {
            doneNote: cleanText(change.action.doneNote),
          }),
        },
      };
    case 'details':
      return change.inspector === undefined
        ? change
        : { ...change, inspector: cleanText(change.inspector) };
    case 'rows-insert':
      return {
        ...change,
        rows: change.rows.map((r) => ({
          ...r,
          cells: Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [k, cleanValue(v)])),
        })),
      };
    default:
      return change;
  }
}

const tooLong = (max: number): Bilingual => ({
  'zh-CN': `内容太长：最多 ${max} 个字，这次修改未保存。`,
  'en-US': `Too long: at most ${max} characters. This change was not kept.`,
});
const tooMany = (zh: string, en: string, max: number): Bilingual => ({
  'zh-CN': `${zh}最多 ${max} 个，这次修改未保存。`,
  'en-US': `At most ${max} ${en}. This change was not kept.`,
});

function textLength(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value))
    return Math.max(0, ...value.map((v) => (typeof v === 'string' ? v.length : 0)));
  return 0;
}

/**
 * Why an edit would take the inspection past a limit the Node side enforces, or null. Checked
 * in the renderer before an edit is shown, so the screen never holds what cannot be saved.
 * `after` is the inspection with the edit applied.
 */
export function changeProblem(change: Change, after: Inspection): Bilingual | null {
  switch (change.kind) {
    case 'answer':
      return textLength(change.value) > LIMITS.answerText ? tooLong(LIMITS.answerText) : null;
    case 'note':
      return change.note.length > LIMITS.note ? tooLong(LIMITS.note) : null;
    case 'cell':
      return textLength(change.value) > LIMITS.cellText ? tooLong(LIMITS.cellText) : null;
    case 'cells':
      return change.values.some((v) => textLength(v.value) > LIMITS.cellText)
        ? tooLong(LIMITS.cellText)
        : null;
    case 'action-put':
      if (change.action.description.length > TEXT_LIMITS.actionDescription)
        return tooLong(TEXT_LIMITS.actionDescription);
      if (change.action.owner.length > TEXT_LIMITS.actionOwner)
        return tooLong(TEXT_LIMITS.actionOwner);
      if ((change.action.doneNote?.length ?? 0) > TEXT_LIMITS.actionDoneNote)
        return tooLong(TEXT_LIMITS.actionDoneNote);
      return after.actions.length > LIMITS.actions
        ? tooMany('整改措施', 'corrective actions', LIMITS.actions)
        : null;
    case 'evidence-add': {
      const list =
        change.rowId === undefined
          ? own(after.answers, change.itemId)?.evidence
          : own(after.registers, change.itemId)?.find((r) => r.id === change.rowId)?.evidence;
      return (list?.length ?? 0) > LIMITS.evidencePerTarget
        ? tooMany('每一项的附件', 'files per item or row', LIMITS.evidencePerTarget)
        : null;
    }
    case 'rows-insert':
      if ((own(after.registers, change.itemId)?.length ?? 0) > LIMITS.rowsPerRegister) {
        return tooMany('登记表的行', 'rows in a register', LIMITS.rowsPerRegister);
      }
      return change.rows.some((r) =>
        Object.values(r.cells).some((v) => textLength(v) > LIMITS.cellText),
      )
        ? tooLong(LIMITS.cellText)
        : null;
    default:
      return null;
  }
}
