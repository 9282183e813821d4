import { isIsoDate } from '../template/dates';
import type { CorrectiveAction } from './schema';

/**
 * The corrective-action edits people make, built in one place for the walk-through and the 整改
 * page alike. Each gives the action to send as an `action-put` change.
 */

/** What is asked for when an action is marked done (整改情况, 完成日期). */
export interface DoneRecord {
  /** The day the work was finished, ISO, not after today. */
  readonly doneOn: string;
  /** What was done. */
  readonly doneNote: string;
}

export interface NewActionInput {
  readonly itemId: string;
  /** The register row it is against, if any. */
  readonly rowId?: string;
  readonly description: string;
  readonly owner: string;
  readonly due: string;
}

/** A new open action; `id` and `now` come from the caller (shared/ has no clock or random). */
export function newAction(input: NewActionInput, id: string, now: string): CorrectiveAction {
  return {
    id,
    itemId: input.itemId,
    ...(input.rowId !== undefined && { rowId: input.rowId }),
    description: input.description.trim(),
    owner: input.owner.trim(),
    due: input.due,
    state: 'open',
    createdAt: now,
  };
}

/** The action done: when it was marked (`now`), the day it was finished, and what was done. */
export function markedDone(
  action: CorrectiveAction,
  record: DoneRecord,
  now: string,
): CorrectiveAction {
  return {
    ...action,
    state: 'done',
    doneAt: now,
    doneOn: record.doneOn,
    doneNote: record.doneNote.trim(),
  };
}

/** The action open again, without the record of its being done. */
export function reopenedAction(action: CorrectiveAction): CorrectiveAction {
  const open: CorrectiveAction = { ...action, state: 'open' };
  delete open.doneAt;
  delete open.doneOn;
  delete open.doneNote;
  return open;
}

/** What is wrong with a finishing day: not a date, or after today; null when it will do. */
export function doneOnProblem(day: string, today: string): 'invalid' | 'future' | null {
  if (!isIsoDate(day)) return 'invalid';
  return day > today ? 'future' : null;
}
