import { create } from 'zustand';
import type { Locale } from '../../shared/i18n/locale';
import type { ExportKind } from '../../shared/ipc/exports';
import { api, unwrap } from '../api/client';
import { saveFile } from '../api/files';
import { useWalkStore } from './walk-store';

/** What became of an export, as the page tells the user. */
export type ExportResult =
  | { readonly kind: 'saved'; readonly path: string; readonly missingEvidence: number }
  | { readonly kind: 'downloaded'; readonly fileName: string; readonly missingEvidence: number }
  | { readonly kind: 'cancelled' };

interface ExportState {
  /** What is being made now ("<id>/<kind>"), or null: one export at a time. */
  readonly busy: string | null;
  /**
   * Makes the workbook or the submission package of an inspection, after every edit still on its
   * way is stored, and offers it for saving: the desktop app's save dialog writes it, in the
   * browser harness the bytes come back and are downloaded here.
   */
  save(id: string, language: Locale, kind: ExportKind): Promise<ExportResult>;
  /** Shows a file saved a moment ago in the system's file manager (desktop only). */
  showInFolder(path: string): Promise<void>;
}

/** How long an export waits for edits made just before it to be stored. */
const SAVE_WAIT_MS = 5000;

const MIME_TYPES: Readonly<Record<ExportKind, string>> = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  package: 'application/zip',
};

export const exportKey = (id: string, kind: ExportKind) => `${id}/${kind}`;

export const useExportStore = create<ExportState>()((set, get) => ({
  busy: null,
  async save(id, language, kind) {
    if (get().busy !== null) return { kind: 'cancelled' };
    set({ busy: exportKey(id, kind) });
    try {
      // What is exported is what is stored: edits typed a moment ago get there first.
      await useWalkStore.getState().whenSaved(SAVE_WAIT_MS);
      const { outcome, missingEvidence } = await unwrap(api().exports.save({ id, language, kind }));
      if (outcome.kind === 'cancelled') return outcome;
      if (outcome.kind === 'saved') return { ...outcome, missingEvidence };
      saveFile(outcome.fileName, MIME_TYPES[kind], outcome.dataBase64);
      return { kind: 'downloaded', fileName: outcome.fileName, missingEvidence };
    } finally {
      set({ busy: null });
    }
  },
  async showInFolder(path) {
    await unwrap(api().exports.showInFolder({ path }));
  },
}));
