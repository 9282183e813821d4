import { create } from 'zustand';
import type { Bilingual } from '../../shared/i18n/locale';
import type { Inspection } from '../../shared/inspection/schema';
import type { Template } from '../../shared/template/schema';
import { MAX_WORKBOOK_BYTES } from '../../shared/workbook/opened';
import type { WorkbookCheck } from '../../shared/workbook/verdict';
import { api, unwrap } from '../api/client';
import { fileToBase64 } from '../api/files';

/** A bureau workbook opened to be looked at: what it carries and what checking it found. */
export interface OpenedWorkbook {
  readonly key: string;
  readonly fileName: string;
  readonly check: WorkbookCheck;
  readonly inspection: Inspection;
  readonly template: Template;
}

/** A file that could not be opened as a workbook, and why. */
export type OpenRefusal =
  | { readonly kind: 'refused'; readonly fileName: string; readonly reason: Bilingual }
  | { readonly kind: 'too-large'; readonly fileName: string; readonly size: number };

interface WorkbookState {
  /** The workbook the views show. */
  readonly current: OpenedWorkbook | null;
  /** The last file that could not be opened, shown on the list until dismissed. */
  readonly refusal: OpenRefusal | null;
  /** Why the workbook an address names cannot be shown, in the user's language. */
  readonly loadError: string | null;
  readonly opening: boolean;
  /** Opens a picked file; resolves with its key, or null when it was refused (see `refusal`). */
  openFile(file: File): Promise<string | null>;
  /** The workbook an address names: the one just opened, or asked for again by its key. */
  show(key: string): Promise<void>;
  /** Forgets the workbook here and on the Node side. */
  close(key: string): Promise<void>;
  dismissRefusal(): void;
}

let ticket = 0;

const openedOf = ({
  key,
  fileName,
  check,
  inspection,
  template,
}: OpenedWorkbook): OpenedWorkbook => ({
  key,
  fileName,
  check,
  inspection,
  template,
});

/**
 * Opened bureau workbooks (a school's own copy, or one the bureau sent back): checked and kept
 * on the Node side, shown read-only in the same views as an inspection. Nothing is stored.
 */
export const useWorkbookStore = create<WorkbookState>()((set, get) => ({
  current: null,
  refusal: null,
  loadError: null,
  opening: false,
  async openFile(file) {
    // The same limit the Node side's door has, checked first so a huge file is never read.
    if (file.size > MAX_WORKBOOK_BYTES) {
      set({ refusal: { kind: 'too-large', fileName: file.name, size: file.size } });
      return null;
    }
    set({ opening: true, refusal: null });
    try {
      const dataBase64 = await fileToBase64(file);
      const result = await unwrap(api().workbooks.open({ fileName: file.name, dataBase64 }));
      if (!result.opened) {
        set({ refusal: { kind: 'refused', fileName: file.name, reason: result.check.reason } });
        return null;
      }
      const workbook = openedOf(result);
      ticket++;
      set({ current: workbook, loadError: null });
      return workbook.key;
    } finally {
      set({ opening: false });
    }
  },
  async show(key) {
    if (get().current?.key === key) return;
    const mine = ++ticket;
    set({ current: null, loadError: null });
    try {
      const workbook = openedOf(await unwrap(api().workbooks.get({ key })));
      if (mine === ticket) set({ current: workbook });
    } catch (error) {
      if (mine === ticket)
        set({ loadError: error instanceof Error ? error.message : String(error) });
    }
  },
  async close(key) {
    ticket++;
    set({ current: null, loadError: null });
    await unwrap(api().workbooks.close({ key }));
  },
  dismissRefusal: () => set({ refusal: null }),
}));
