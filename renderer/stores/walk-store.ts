import { create } from 'zustand';
import type { Change } from '../../shared/inspection/changes';
import { applyChanges } from '../../shared/inspection/changes';
import { changeProblem, cleanChange } from '../../shared/inspection/edit-limits';
import { periodLabel } from '../../shared/inspection/period';
import type { Inspection } from '../../shared/inspection/schema';
import type { Template } from '../../shared/template/schema';
import { api, unwrap } from '../api/client';
import { useOpenedWorkbook } from '../lib/opened-workbook';
import i18next from 'i18next';
import type { SaveStatus } from './autosave';
import { Autosave } from './autosave';
import { useFeedbackStore } from './feedback-store';

interface WalkState {
  readonly inspection: Inspection | null;
  readonly template: Template | null;
  readonly status: SaveStatus;
  /** Why the inspection could not be opened, in the user's language. */
  readonly loadError: string | null;
  /** Goes up whenever the shown inspection is replaced from outside, so forms start afresh. */
  readonly generation: number;
  open(id: string): Promise<void>;
  /** Leaves the inspection; its unsaved edits keep being sent in the background. */
  close(): Promise<void>;
  /** Reads the open inspection again after a change made elsewhere (handed over, signed). */
  reload(): Promise<void>;
  /** An edit: shown at once, saved within a second. False when it was refused (and said why). */
  apply(changes: readonly Change[]): boolean;
  retryNow(): void;
  /** Resolves when every edit so far, of every inspection, is stored (or `timeoutMs` passed). */
  whenSaved(timeoutMs?: number): Promise<void>;
}

let current: Autosave | null = null;
/** Queues of inspections left while edits were still unsaved: they finish on their own. */
const leaving = new Set<Autosave>();
let openTicket = 0;

const pickText = (text: { 'zh-CN': string; 'en-US': string }) =>
  i18next.language === 'en-US' ? text['en-US'] : text['zh-CN'];

/**
 * The open inspection. The Node side's copy is the one that counts; this one is what the screen
 * shows, edited at once by the same pure applyChanges and sent there by the autosave queue.
 */
export const useWalkStore = create<WalkState>()((set, get) => {
  const reload = async (id: string, queue: Autosave) => {
    try {
      const stored = await unwrap(api().inspections.get({ id }));
      if (current !== queue) return;
      // What is stored, plus the edits still on their way there.
      const pending = applyChanges(stored, queue.queued(), new Date().toISOString());
      set({
        inspection: pending.ok ? pending.inspection : stored,
        generation: get().generation + 1,
      });
    } catch (error) {
      if (current === queue)
        set({ loadError: error instanceof Error ? error.message : String(error) });
    }
  };

  const startAutosave = (inspection: Inspection): Autosave => {
    const { id } = inspection;
    const label = pickText(periodLabel(inspection.period));
    const queue: Autosave = new Autosave({
      send: (changes) => unwrap(api().inspections.update({ id, changes: [...changes] })),
      onStatus: (status) => {
        if (current === queue) set({ status });
        else if (status.kind === 'failed' || status.kind === 'refused') {
          // An inspection already left: its trouble still has to be seen.
          useFeedbackStore.getState().show({ kind: 'error', text: `${label}: ${status.message}` });
        }
      },
      onRefused: () => void reload(id, queue),
    });
    return queue;
  };

  return {
    inspection: null,
    template: null,
    status: { kind: 'saved', at: null },
    loadError: null,
    generation: 0,
    async open(id) {
      if (get().inspection?.id === id && current) return;
      const ticket = ++openTicket;
      await get().close();
      set({
        inspection: null,
        template: null,
        loadError: null,
        status: { kind: 'saved', at: null },
      });
      try {
        const inspection = await unwrap(api().inspections.get({ id }));
        const { id: templateId, version } = inspection.template;
        const template = await unwrap(api().templates.get({ id: templateId, version }));
        // A later open (quick navigation) wins over this one.
        if (ticket !== openTicket) return;
        current = startAutosave(inspection);
        set({
          inspection,
          template,
          status: { kind: 'saved', at: inspection.updatedAt },
          generation: get().generation + 1,
        });
      } catch (error) {
        if (ticket === openTicket)
          set({ loadError: error instanceof Error ? error.message : String(error) });
      }
    },
    async close() {
      const queue = current;
      current = null;
      set({ inspection: null, template: null });
      if (!queue) return;
      leaving.add(queue);
      // Never waits for the disk: a failing queue keeps retrying on its own and says so.
      void queue.whenSettled().then(() => {
        queue.dispose();
        leaving.delete(queue);
      });
      await queue.flush();
    },
    async reload() {
      const { inspection } = get();
      if (inspection && current) await reload(inspection.id, current);
    },
    apply(changes) {
      const { inspection } = get();
      if (!inspection || !current) return false;
      const cleaned = changes.map(cleanChange);
      const result = applyChanges(inspection, cleaned, new Date().toISOString());
      if (!result.ok) {
        useFeedbackStore.getState().show({ kind: 'error', text: pickText(result.message) });
        return false;
      }
      // The screen never shows what the Node side would refuse to store.
      const problem = cleaned
        .map((c) => changeProblem(c, result.inspection))
        .find((p) => p !== null);
      if (problem) {
        useFeedbackStore.getState().show({ kind: 'error', text: pickText(problem) });
        set({ generation: get().generation + 1 });
        return false;
      }
      set({ inspection: result.inspection });
      current.push(cleaned);
      return true;
    },
    retryNow() {
      void current?.flush();
    },
    whenSaved(timeoutMs) {
      const all = Promise.all(
        [...leaving, ...(current ? [current] : [])].map((q) => q.whenSettled()),
      );
      if (timeoutMs === undefined) return all.then(() => undefined);
      return Promise.race([
        all.then(() => undefined),
        new Promise<void>((r) => setTimeout(r, timeoutMs)),
      ]);
    },
  };
});

/**
 * Whether the open inspection is locked (signed), or the views show an opened workbook: the
 * walk-through then shows no edit control, and `apply` refuses anything that slips through, as
 * the Node side does (an opened workbook is not the walk store's, so `apply` has nothing to edit).
 */
export function useLocked(): boolean {
  const signed = useWalkStore((s) => s.inspection?.state === 'signed');
  return useOpenedWorkbook() !== null || signed;
}

/** Leaving the page (closing the window, reloading) sends every queued edit at once. */
export function flushOnLeave(): () => void {
  const flush = () => {
    void current?.flush();
    for (const queue of leaving) void queue.flush();
  };
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
