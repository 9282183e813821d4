import { create } from 'zustand';
import { MAX_TEMPLATE_BYTES } from '../../shared/template/limits';
import type { TemplateRef } from '../../shared/settings';
import type { Template } from '../../shared/template/schema';
import type { TemplateSummary } from '../../shared/template/summary';
import type { TemplateProblem } from '../../shared/template/validate';
import { api, unwrap } from '../api/client';
import { fileToBase64, saveFile } from '../api/files';

export type ImportOutcome =
  | { readonly kind: 'imported'; readonly fileName: string; readonly template: TemplateSummary }
  | {
      readonly kind: 'invalid';
      readonly fileName: string;
      readonly problems: readonly TemplateProblem[];
    }
  | { readonly kind: 'too-large'; readonly fileName: string; readonly size: number };

interface TemplatesState {
  readonly summaries: readonly TemplateSummary[] | null;
  readonly open: Template | null;
  readonly lastImport: ImportOutcome | null;
  readonly busy: boolean;
  load(): Promise<void>;
  view(ref: TemplateRef): Promise<void>;
  close(): void;
  importFile(file: File): Promise<void>;
  exportTemplate(ref: TemplateRef, format: 'json' | 'xlsx'): Promise<void>;
  setDefault(ref: TemplateRef): Promise<void>;
  dismissImport(): void;
}

export const useTemplatesStore = create<TemplatesState>()((set, get) => ({
  summaries: null,
  open: null,
  lastImport: null,
  busy: false,
  async load() {
    set({ summaries: await unwrap(api().templates.list()) });
  },
  async view(ref) {
    set({ open: await unwrap(api().templates.get(ref)) });
  },
  close: () => set({ open: null }),
  async importFile(file) {
    // The same limit the Node side enforces, checked here first so a huge file is never read.
    if (file.size > MAX_TEMPLATE_BYTES) {
      set({ lastImport: { kind: 'too-large', fileName: file.name, size: file.size } });
      return;
    }
    set({ busy: true });
    try {
      const dataBase64 = await fileToBase64(file);
      const result = await unwrap(api().templates.import({ fileName: file.name, dataBase64 }));
      set({
        lastImport:
          result.status === 'imported'
            ? { kind: 'imported', fileName: file.name, template: result.template }
            : { kind: 'invalid', fileName: file.name, problems: result.problems },
      });
      if (result.status === 'imported') await get().load();
    } finally {
      set({ busy: false });
    }
  },
  async exportTemplate(ref, format) {
    const file = await unwrap(api().templates.export({ ...ref, format }));
    saveFile(file.fileName, file.mimeType, file.dataBase64);
  },
  async setDefault(ref) {
    set({ summaries: await unwrap(api().templates.setDefault(ref)) });
  },
  dismissImport: () => set({ lastImport: null }),
}));
