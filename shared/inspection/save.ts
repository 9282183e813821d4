import { AppError } from '../errors';
import type { Bilingual } from '../i18n/locale';
import type { Template } from '../template/schema';
import type { Change } from './changes';
import { applyChanges } from './changes';
import { checkAgainstTemplate, checkChange } from './check';
import { MAX_IMPORT_BYTES } from './patterns';
import type { Inspection } from './schema';
import { inspectionSchema } from './schema';
import { localIsoDate } from '../local-date';
import { reviewInspection } from './review';

/** An inspection as the store holds it, with what the store knows beyond its content. */
export interface SaveTarget {
  readonly inspection: Inspection;
  /** In the trash: not editable until restored. */
  readonly trashed: boolean;
  /** Its pinned template (same id, version and hash), or null when that template is not installed. */
  readonly template: Template | null;
}

/** What a save writes: the new inspection and its JSON, serialised once for both the check and the file. */
export interface PlannedSave {
  readonly inspection: Inspection;
  readonly json: string;
}

/**
 * The save pipeline, the one place that decides whether a batch of edits may be stored, whichever
 * channel sent it: the inspection must be editable, every change must fit the pinned template, the
 * batch applies all or nothing, and the result must still be a whole, importable inspection within
 * the file limit. Throws an AppError the user can read; returns what to write.
 */
export function planSave(target: SaveTarget, changes: readonly Change[], now: string): PlannedSave {
  if (target.trashed) throw new AppError('inspection-not-found');
  // The lock: whichever channel asks, nothing changes a signed inspection but a reopen.
  if (target.inspection.state === 'signed' || target.inspection.signoff !== undefined)
    throw new AppError('inspection-signed');
  const { template } = target;
  if (!template) throw new AppError('template-not-found');
  for (const change of changes) {
    const problem = checkChange(template, change) ?? doneWithoutRecord(change, now);
    if (problem) throw new AppError('inspection-refused', problem);
  }
  const result = applyChanges(target.inspection, changes, now);
  if (!result.ok) throw new AppError('inspection-refused', result.message);
  // The whole inspection is validated before it is written: limits hold for the sum of edits,
  // not only for each one.
  const checked = inspectionSchema.safeParse(result.inspection);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new AppError('inspection-refused', {
      'zh-CN': `修改后的数据超出允许范围（${where}）。`,
      'en-US': `The change would put the data out of bounds (${where}).`,
    });
  }
  // What is saved must stay importable: it fits its template and a file's size.
  const misfit = checkAgainstTemplate(template, checked.data)[0];
  if (misfit) throw new AppError('inspection-refused', misfit.message);
  if (checked.data.state === 'ready' && target.inspection.state !== 'ready') {
    const { blockers } = reviewInspection(template, checked.data, localIsoDate(new Date(now)));
    if (blockers.length > 0)
      throw new AppError('signoff-blocked', blockersMessage(blockers.length));
  }
  const json = JSON.stringify(checked.data);
  if (json.length > MAX_IMPORT_BYTES) {
    throw new AppError('inspection-refused', {
      'zh-CN': '这份检查已达到 20 MB 的上限，这次修改未保存。',
      'en-US': 'This inspection has reached the 20 MB limit; the change was not saved.',
    });
  }
  return { inspection: checked.data, json };
}

/**
 * An action marked done must say what was done and when (整改情况, 完成日期), and the work cannot
 * have been finished after today.
 */
function doneWithoutRecord(change: Change, now: string): Bilingual | null {
  if (change.kind !== 'action-put' || change.action.state !== 'done') return null;
  const { doneOn, doneNote } = change.action;
  if (doneOn === undefined || doneNote === undefined || doneNote.trim() === '') {
    return {
      'zh-CN': '标记为已完成时，请填写整改情况和完成日期。',
      'en-US': 'To mark an action done, say what was done and the date it was finished.',
    };
  }
  if (doneOn > localIsoDate(new Date(now))) {
    return {
      'zh-CN': '完成日期不能晚于今天。',
      'en-US': 'The date it was finished cannot be after today.',
    };
  }
  return null;
}

const blockersMessage = (count: number): Bilingual => ({
  'zh-CN': `还有 ${count} 处问题需要先处理，才能交给校长签字。`,
  'en-US': `${count} ${count === 1 ? 'thing needs' : 'things need'} fixing before the principal can sign.`,
});
