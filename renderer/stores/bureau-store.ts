import { create } from 'zustand';
import { planImport } from '../../shared/bureau/dashboard';
import type { ItemComment } from '../../shared/bureau/feedback';
import { MAX_BUREAU_FILE_BYTES } from '../../shared/bureau/limits';
import type { District } from '../../shared/bureau/merge';
import { storedDistrict } from '../../shared/bureau/stored-district';
import type { Review, ReviewState } from '../../shared/bureau/store-index';
import type { Bilingual, Locale } from '../../shared/i18n/locale';
import type { BureauState, DataCounts } from '../../shared/ipc/bureau';
import type { SaveOutcome } from '../../shared/ipc/exports';
import { api, ApiError, unwrap } from '../api/client';
import { fileToBase64, saveFile } from '../api/files';
import { localToday } from '../lib/local-today';

/** What became of one picked file in this import. */
export interface ImportRow {
  /** The name shown: the path within the chosen folder, or the file's name. */
  readonly file: string;
  readonly outcome: 'accepted' | 'already' | 'rejected' | 'skipped' | 'too-large' | 'failed';
  /** The school, for a file taken. */
  readonly school?: string;
  /** Why it was not taken, in both languages (rejected), or the door's message (failed). */
  readonly reason?: Bilingual;
  readonly message?: string;
}

export interface ImportProgress {
  readonly total: number;
  readonly done: number;
  /** The file being read now. */
  readonly current: string | null;
  readonly cancelling: boolean;
}

/** What became of a file offered for saving, as the page tells the user. */
export type SaveResult =
  | { readonly kind: 'saved'; readonly path: string }
  | { readonly kind: 'downloaded'; readonly fileName: string }
  | { readonly kind: 'cancelled' };

export interface ReviewInput {
  readonly decision: ReviewState;
  readonly comment: string;
  readonly items: readonly ItemComment[];
  readonly reviewer: string;
}

interface BureauStoreState {
  readonly state: BureauState | null;
  readonly loadError: string | null;
  readonly allowDrafts: boolean;
  /** The merge of what is stored, as the dashboard shows it; null until loaded. */
  readonly district: District | null;
  readonly progress: ImportProgress | null;
  /** The files of the last import, in the order picked; null before any. */
  readonly lastImport: readonly ImportRow[] | null;
  /** One save at a time: 'summary', 'schools' or 'feedback'. */
  readonly busy: 'summary' | 'schools' | 'feedback' | null;
  load(): Promise<void>;
  /** How much of each role's data the folder holds (any role; for the role change). */
  counts(): Promise<DataCounts>;
  /** Sends the picked files one at a time; resolves when done or cancelled. */
  importFiles(files: readonly File[]): Promise<readonly ImportRow[]>;
  /** Stops after the file being read now. */
  cancelImport(): void;
  dismissImport(): void;
  setAllowDrafts(allow: boolean): void;
  review(sha256: string, input: ReviewInput): Promise<Review>;
  saveFeedback(sha256: string, language: Locale): Promise<SaveResult>;
  loadSchools(
    file: File,
  ): Promise<{ count: number; problems: { row: number; message: Bilingual }[] }>;
  clearSchools(): Promise<void>;
  clearRejected(): Promise<void>;
  remove(sha256: string): Promise<void>;
  exportSummary(language: Locale): Promise<SaveResult>;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The name a picked file is shown by: its path within the chosen folder, when there is one. */
export const nameOf = (file: File): string => file.webkitRelativePath || file.name;

/** The district as the dashboard shows it, merged here from what the store holds. */
export function districtOf(state: BureauState, allowDrafts: boolean, today: string): District {
  return storedDistrict(state, { allowDrafts, today });
}

function offered(outcome: SaveOutcome, mimeType: string): SaveResult {
  if (outcome.kind !== 'download') return outcome;
  saveFile(outcome.fileName, mimeType, outcome.dataBase64);
  return { kind: 'downloaded', fileName: outcome.fileName };
}

let cancelRequested = false;

/**
 * Bureau mode's 汇总 page: the files received from schools, kept on the Node side, merged here
 * into the district view (shared/bureau/merge.ts); imports one file at a time with progress.
 */
export const useBureauStore = create<BureauStoreState>()((set, get) => {
  const refresh = async () => {
    const state = await unwrap(api().bureau.state());
    set({ state, loadError: null, district: districtOf(state, get().allowDrafts, localToday()) });
  };
  const sendOne = async (file: File): Promise<ImportRow> => {
    const name = nameOf(file);
    try {
      const dataBase64 = await fileToBase64(file);
      const { intake, alreadyReceived } = await unwrap(
        api().bureau.addFile({ fileName: name, dataBase64 }),
      );
      if (intake.outcome === 'rejected')
        return { file: name, outcome: 'rejected', reason: intake.reason };
      return {
        file: name,
        outcome: alreadyReceived ? 'already' : 'accepted',
        school: intake.submission.school.name,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { file: name, outcome: 'failed', message };
    }
  };
  return {
    state: null,
    loadError: null,
    allowDrafts: false,
    district: null,
    progress: null,
    lastImport: null,
    busy: null,
    async load() {
      try {
        await refresh();
      } catch (error) {
        set({ loadError: error instanceof ApiError ? error.message : String(error) });
      }
    },
    counts: () => unwrap(api().bureau.counts()),
    async importFiles(files) {
      if (get().progress !== null) return [];
      const plan = planImport(files, MAX_BUREAU_FILE_BYTES);
      const toSend = plan.filter((p) => p.kind === 'send').map((p) => p.file);
      const rows = new Map<File, ImportRow>();
      for (const p of plan)
        if (p.kind !== 'send') rows.set(p.file, { file: nameOf(p.file), outcome: p.kind });
      cancelRequested = false;
      set({ progress: { total: toSend.length, done: 0, current: null, cancelling: false } });
      try {
        for (const [index, file] of toSend.entries()) {
          if (cancelRequested) break;
          set((s) => ({ progress: s.progress && { ...s.progress, current: nameOf(file) } }));
          rows.set(file, await sendOne(file));
          set((s) => ({ progress: s.progress && { ...s.progress, done: index + 1 } }));
        }
      } finally {
        const done = files.flatMap((f) => rows.get(f) ?? []);
        set({ progress: null, lastImport: done });
      }
      await refresh();
      return get().lastImport ?? [];
    },
    cancelImport() {
      cancelRequested = true;
      set((s) => ({ progress: s.progress && { ...s.progress, cancelling: true } }));
    },
    dismissImport: () => set({ lastImport: null }),
    setAllowDrafts(allowDrafts) {
      const { state } = get();
      set({
        allowDrafts,
        ...(state && { district: districtOf(state, allowDrafts, localToday()) }),
      });
    },
    async review(sha256, { decision, comment, items, reviewer }) {
      const review = await unwrap(
        api().bureau.review({ sha256, decision, comment, items: [...items], reviewer }),
      );
      await refresh();
      return review;
    },
    async saveFeedback(sha256, language) {
      if (get().busy !== null) return { kind: 'cancelled' };
      set({ busy: 'feedback' });
      try {
        const outcome = await unwrap(api().bureau.saveFeedback({ sha256, language }));
        const result = offered(outcome, 'application/json');
        await refresh();
        return result;
      } finally {
        set({ busy: null });
      }
    },
    async loadSchools(file) {
      set({ busy: 'schools' });
      try {
        const dataBase64 = await fileToBase64(file);
        const result = await unwrap(api().bureau.loadSchools({ fileName: file.name, dataBase64 }));
        await refresh();
        return result;
      } finally {
        set({ busy: null });
      }
    },
    async clearSchools() {
      await unwrap(api().bureau.clearSchools());
      await refresh();
    },
    async clearRejected() {
      await unwrap(api().bureau.clearRejected());
      await refresh();
    },
    async remove(sha256) {
      await unwrap(api().bureau.remove({ sha256 }));
      await refresh();
    },
    async exportSummary(language) {
      if (get().busy !== null) return { kind: 'cancelled' };
      set({ busy: 'summary' });
      try {
        const outcome = await unwrap(
          api().bureau.exportSummary({ language, allowDrafts: get().allowDrafts }),
        );
        return offered(outcome, XLSX_TYPE);
      } finally {
        set({ busy: null });
      }
    },
  };
});
