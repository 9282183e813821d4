import { create } from 'zustand';
import type { Change } from '../../shared/inspection/changes';
import { applyChanges } from '../../shared/inspection/changes';
import type { Inspection } from '../../shared/inspection/schema';
import type { Template } from '../../shared/template/schema';
import { api, unwrap } from '../api/client';
import type { SaveStatus } from './autosave';
import { Autosave } from './autosave';

interface WalkState {
  readonly inspection: Inspection | null;
  readonly template: Template | null;
  readonly status: SaveStatus;
  /** Why the inspection could not be opened, in the user's language. */
  readonly loadError: string | null;
  open(id: string): Promise<void>;
  close(): Promise<void>;
  /** An edit: shown at once, saved within a second. */
  apply(changes: readonly Change[]): void;
  retryNow(): void;
  /** Resolves when every edit so far is stored (leaving the page, tests). */
  whenSaved(): Promise<void>;
}

let autosave: Autosave | null = null;

/** Today's date where the user is: rules about dates are judged against it. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The open inspection. The Node side's copy is the one that counts; this one is what the screen
 * shows, edited at once by the same pure applyChanges and sent there by the autosave queue.
 */
export const useWalkStore = create<WalkState>()((set, get) => ({
  inspection: null,
  template: null,
  status: { kind: 'saved', at: null },
  loadError: null,
  async open(id) {
    if (get().inspection?.id === id) return;
    await get().close();
    set({ inspection: null, template: null, loadError: null, status: { kind: 'saved', at: null } });
    try {
      const inspection = await unwrap(api().inspections.get({ id }));
      const { id: templateId, version } = inspection.template;
      const template = await unwrap(api().templates.get({ id: templateId, version }));
      set({ inspection, template, status: { kind: 'saved', at: inspection.updatedAt } });
      autosave = new Autosave({
        send: (changes) => unwrap(api().inspections.update({ id, changes: [...changes] })),
        onStatus: (status) => set({ status }),
        onRefused: () => {
          void unwrap(api().inspections.get({ id })).then((stored) => {
            if (get().inspection?.id === id) set({ inspection: stored });
          });
        },
      });
    } catch (error) {
      set({ loadError: error instanceof Error ? error.message : String(error) });
    }
  },
  async close() {
    const current = autosave;
    if (!current) return;
    await current.flush();
    await current.whenSettled();
    current.dispose();
    if (autosave === current) autosave = null;
    set({ inspection: null, template: null });
  },
  apply(changes) {
    const { inspection } = get();
    if (!inspection || !autosave) return;
    const result = applyChanges(inspection, changes, new Date().toISOString());
    if (!result.ok) return;
    set({ inspection: result.inspection });
    autosave.push(changes);
  },
  retryNow() {
    void autosave?.flush();
  },
  whenSaved: () => autosave?.whenSettled() ?? Promise.resolve(),
}));

/** Leaving the page (closing the window, reloading) sends what is queued at once. */
export function flushOnLeave(): () => void {
  const flush = () => void autosave?.flush();
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHidden);
  return () => {
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onHidden);
  };
}
