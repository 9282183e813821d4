import { create } from 'zustand';
import { MAX_TEMPLATE_BYTES } from '../../shared/template/limits';
import type { TemplateRef } from '../../shared/settings';
import type { Template } from '../../shared/template/schema';
import type { TemplateSummary } from '../../shared/template/summary';
import type { TemplateProblem } from '../../shared/template/validate';
import type { TemplateDiff } from '../../shared/template/diff-schema';
import { defaultPair, versionsOf } from '../../shared/template/versions';
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

/** Two versions of one template side by side: which, and (once it came) what changed. */
export interface Comparison {
  readonly id: string;
  /** Every version of `id` installed or built in, oldest first. */
  readonly versions: readonly string[];
  /** The versions picked (the diff says which it compared). */
  readonly from: string;
  readonly to: string;
  readonly diff: TemplateDiff | null;
}

interface TemplatesState {
  readonly summaries: readonly TemplateSummary[] | null;
  readonly open: Template | null;
  readonly lastImport: ImportOutcome | null;
  readonly busy: boolean;
  readonly comparison: Comparison | null;
  load(): Promise<void>;
  view(ref: TemplateRef): Promise<void>;
  close(): void;
  importFile(file: File): Promise<void>;
  exportTemplate(ref: TemplateRef, format: 'json' | 'xlsx'): Promise<void>;
  setDefault(ref: TemplateRef): Promise<void>;
  dismissImport(): void;
  /** Opens the comparison of `ref` with its previous version (the next one, for the oldest). */
  openCompare(ref: TemplateRef): Promise<void>;
  /** Picks the two versions; nothing is compared until `compare`. */
  choose(from: string, to: string): void;
  /** Compares the two versions picked; `diff` is null until the answer comes. */
  compare(): Promise<void>;
  closeCompare(): void;
}

export const useTemplatesStore = create<TemplatesState>()((set, get) => ({
  summaries: null,
  open: null,
  lastImport: null,
  busy: false,
  comparison: null,
  async load() {
    set({ summaries: await unwrap(api().templates.list()) });
  },
  async view(ref) {
    set({ open: await unwrap(api().templates.get(ref)), comparison: null });
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
  async openCompare(ref) {
    const versions = versionsOf(get().summaries ?? [], ref.id);
    const [from, to] = defaultPair(versions, ref.version);
    set({ open: null, comparison: { id: ref.id, versions, from, to, diff: null } });
    await get().compare();
  },
  choose(from, to) {
    const current = get().comparison;
    if (current) set({ comparison: { ...current, from, to } });
  },
  async compare() {
    const current = get().comparison;
    if (!current) return;
    const { id, from, to } = current;
    set({ comparison: { ...current, diff: null } });
    const diff = await unwrap(
      api().templates.diff({ from: { id, version: from }, to: { id, version: to } }),
    );
    // A later choice wins over an answer that comes back late.
    const now = get().comparison;
    if (now && now.id === id && now.from === from && now.to === to)
      set({ comparison: { ...now, diff } });
  },
  closeCompare: () => set({ comparison: null }),
}));
