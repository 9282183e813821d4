import { create } from 'zustand';
import type { LeftBehind } from '../../shared/inspection/carry';
import type { ImportNotice } from '../../shared/inspection/import-review';
import type { InspectionProblem } from '../../shared/inspection/check';
import type { InspectionSummary } from '../../shared/inspection/listing';
import { MAX_IMPORT_BYTES } from '../../shared/inspection/patterns';
import type { Period } from '../../shared/inspection/schema';
import type { TemplateRef } from '../../shared/settings';
import { api, unwrap } from '../api/client';
import { fileToBase64, saveText } from '../api/files';

export interface NewInspectionInput {
  readonly template?: TemplateRef;
  readonly period: Period;
  readonly inspector: string;
  /** Start from this earlier inspection (its registers and open actions). */
  readonly sourceId?: string;
  readonly withAnswers?: boolean;
}

export type InspectionImport =
  | {
      readonly kind: 'imported';
      readonly fileName: string;
      readonly renamed: boolean;
      readonly notices: readonly ImportNotice[];
    }
  | {
      readonly kind: 'invalid';
      readonly fileName: string;
      readonly problems: readonly InspectionProblem[];
    }
  | { readonly kind: 'too-large'; readonly fileName: string };

/** A duplicate whose template had no place for some of its source: what stayed behind. */
export interface DuplicateReport {
  readonly summary: InspectionSummary;
  readonly leftBehind: readonly LeftBehind[];
}

interface InspectionsState {
  readonly summaries: readonly InspectionSummary[] | null;
  readonly lastImport: InspectionImport | null;
  /** Set by a duplicate that left something behind, until dismissed or the next create. */
  readonly lastDuplicate: DuplicateReport | null;
  load(): Promise<void>;
  create(input: NewInspectionInput): Promise<InspectionSummary>;
  trash(id: string): Promise<void>;
  restore(id: string): Promise<void>;
  purge(id: string): Promise<void>;
  /** Hands the inspection's file to the browser's download; resolves with the file's name. */
  exportFile(id: string): Promise<string>;
  importFile(file: File): Promise<void>;
  loadSample(): Promise<void>;
  dismissImport(): void;
  dismissDuplicate(): void;
}

export const useInspectionsStore = create<InspectionsState>()((set, get) => ({
  summaries: null,
  lastImport: null,
  lastDuplicate: null,
  async load() {
    set({ summaries: await unwrap(api().inspections.list()) });
  },
  async create({ sourceId, withAnswers, ...input }) {
    let summary: InspectionSummary;
    if (sourceId === undefined) {
      summary = await unwrap(api().inspections.create(input));
      set({ lastDuplicate: null });
    } else {
      const outcome = await unwrap(
        api().inspections.duplicate({ ...input, sourceId, withAnswers: withAnswers ?? false }),
      );
      summary = outcome.summary;
      set({ lastDuplicate: outcome.leftBehind.length > 0 ? outcome : null });
    }
    await get().load();
    return summary;
  },
  async trash(id) {
    await unwrap(api().inspections.trash({ id }));
    await get().load();
  },
  async restore(id) {
    await unwrap(api().inspections.restore({ id }));
    await get().load();
  },
  async purge(id) {
    await unwrap(api().inspections.purge({ id }));
    await get().load();
  },
  async exportFile(id) {
    const file = await unwrap(api().inspections.export({ id }));
    saveText(file.fileName, 'application/json', file.text);
    return file.fileName;
  },
  async importFile(file) {
    if (file.size > MAX_IMPORT_BYTES) {
      set({ lastImport: { kind: 'too-large', fileName: file.name } });
      return;
    }
    const dataBase64 = await fileToBase64(file);
    const result = await unwrap(api().inspections.import({ fileName: file.name, dataBase64 }));
    set({
      lastImport:
        result.status === 'imported'
          ? {
              kind: 'imported',
              fileName: file.name,
              renamed: result.renamed,
              notices: result.notices,
            }
          : { kind: 'invalid', fileName: file.name, problems: result.problems },
    });
    await get().load();
  },
  async loadSample() {
    set({ summaries: await unwrap(api().inspections.loadSample()) });
  },
  dismissImport: () => set({ lastImport: null }),
  dismissDuplicate: () => set({ lastDuplicate: null }),
}));
