import { randomUUID } from 'node:crypto';
import type { WorkbookEnvelope } from '../../../shared/workbook/envelope';
import { canOpenWorkbook } from '../../../shared/workbook/opened';
import type { WorkbookCheck } from '../../../shared/workbook/verdict';
import { verifyWorkbook } from './workbook-verify';

/** A workbook the user opened: what it carries and what checking it found. Kept in memory only. */
export interface OpenedWorkbook {
  readonly key: string;
  readonly fileName: string;
  readonly check: WorkbookCheck;
  readonly envelope: WorkbookEnvelope;
}

/** What opening a file gave: the opened workbook, or why it cannot be looked at. */
export type OpenOutcome =
  | { readonly opened: true; readonly workbook: OpenedWorkbook }
  | { readonly opened: false; readonly fileName: string; readonly check: WorkbookCheck };

export interface OpenedWorkbooks {
  /** Verifies the bytes and, when they carry readable data, keeps the workbook under a new key. */
  open(fileName: string, bytes: Uint8Array): OpenOutcome;
  get(key: string): OpenedWorkbook | undefined;
  close(key: string): void;
}

/** How many opened workbooks are kept; opening one more forgets the one opened longest ago. */
export const MAX_OPENED_WORKBOOKS = 20;

/**
 * The workbooks opened in this run of the app (a school's own copy, or one the bureau sent back),
 * each under a random key the views' addresses carry. Nothing is written to disk: an opened
 * workbook is looked at, never imported.
 */
export function createOpenedWorkbooks(
  limit = MAX_OPENED_WORKBOOKS,
  newKey: () => string = randomUUID,
): OpenedWorkbooks {
  const kept = new Map<string, OpenedWorkbook>();
  return {
    open(fileName, bytes) {
      const { envelope, check } = verifyWorkbook(bytes);
      if (!envelope || !canOpenWorkbook(check.status)) return { opened: false, fileName, check };
      const workbook: OpenedWorkbook = { key: newKey(), fileName, check, envelope };
      kept.set(workbook.key, workbook);
      while (kept.size > limit) kept.delete(kept.keys().next().value!);
      return { opened: true, workbook };
    },
    get: (key) => kept.get(key),
    close(key) {
      kept.delete(key);
    },
  };
}
