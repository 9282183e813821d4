import { create } from 'zustand';
import type { Inspection } from '../../shared/inspection/schema';
import type { Template } from '../../shared/template/schema';
import { api, unwrap } from '../api/client';
import { useWalkStore } from './walk-store';

interface AuditState {
  /** The inspection whose trail is shown, as stored. */
  readonly inspection: Inspection | null;
  /** The template it was filled against: the names of its sections, items and columns. */
  readonly template: Template | null;
  /** Why it could not be opened, in the user's language. */
  readonly loadError: string | null;
  /** Reads the inspection afresh, once the edits still on their way are stored. */
  open(id: string): Promise<void>;
  close(): void;
}

/** How long opening the trail waits for the walk-through's last edits to reach the disk. */
const SAVE_WAIT_MS = 5_000;

let ticket = 0;

/**
 * An inspection's audit trail (经过记录): the inspection as the Node side stores it, with its
 * template. The walk-through's queued edits are waited for first, so coming from it the trail
 * shows what was just typed.
 */
export const useAuditStore = create<AuditState>()((set) => ({
  inspection: null,
  template: null,
  loadError: null,
  async open(id) {
    const mine = ++ticket;
    set({ inspection: null, template: null, loadError: null });
    try {
      await useWalkStore.getState().whenSaved(SAVE_WAIT_MS);
      const inspection = await unwrap(api().inspections.get({ id }));
      const { id: templateId, version } = inspection.template;
      const template = await unwrap(api().templates.get({ id: templateId, version }));
      // A later open (quick navigation) wins over this one.
      if (mine === ticket) set({ inspection, template });
    } catch (error) {
      if (mine === ticket)
        set({ loadError: error instanceof Error ? error.message : String(error) });
    }
  },
  close() {
    ticket++;
    set({ inspection: null, template: null, loadError: null });
  },
}));
