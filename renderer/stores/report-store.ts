import { create } from 'zustand';
import type { Locale } from '../../shared/i18n/locale';
import { api, unwrap } from '../api/client';
import { saveFile } from '../api/files';
import { useWalkStore } from './walk-store';

interface ReportState {
  /** The report's HTML document, as the Node side built it. */
  readonly html: string | null;
  /** Which report `html` is: "<id>/<language>". */
  readonly shown: string | null;
  /** Why the report could not be made, in the user's language. */
  readonly error: string | null;
  readonly exporting: boolean;
  /**
   * Builds the report of an inspection in a language, after every edit still on its way is
   * stored; with `workbook`, `id` is an opened workbook's key and the report is that copy's.
   */
  load(id: string, language: Locale, workbook?: boolean): Promise<void>;
  /** Prints it to PDF and hands the file to the browser's download; resolves with its name. */
  exportPdf(id: string, language: Locale): Promise<string>;
  clear(): void;
}

/** How long the report waits for edits made just before it was opened to be stored. */
const SAVE_WAIT_MS = 5000;

let ticket = 0;

export const reportKey = (id: string, language: Locale) => `${id}/${language}`;

export const useReportStore = create<ReportState>()((set) => ({
  html: null,
  shown: null,
  error: null,
  exporting: false,
  async load(id, language, workbook = false) {
    const mine = ++ticket;
    set({ error: null });
    try {
      // The report is what is stored: edits typed a moment ago get there first.
      if (!workbook) await useWalkStore.getState().whenSaved(SAVE_WAIT_MS);
      const { html } = await unwrap(
        workbook
          ? api().workbooks.report({ key: id, language })
          : api().reports.html({ id, language }),
      );
      if (mine === ticket) set({ html, shown: reportKey(id, language) });
    } catch (error) {
      if (mine === ticket)
        set({
          error: error instanceof Error ? error.message : String(error),
          html: null,
          shown: null,
        });
    }
  },
  async exportPdf(id, language) {
    set({ exporting: true });
    try {
      const file = await unwrap(api().reports.pdf({ id, language }));
      saveFile(file.fileName, 'application/pdf', file.dataBase64);
      return file.fileName;
    } finally {
      set({ exporting: false });
    }
  },
  clear() {
    ticket++;
    set({ html: null, shown: null, error: null });
  },
}));
