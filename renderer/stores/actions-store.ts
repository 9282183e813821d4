import { create } from 'zustand';
import type { DoneRecord, NewActionInput } from '../../shared/inspection/action-edits';
import { markedDone, newAction } from '../../shared/inspection/action-edits';
import type { ActionOverview } from '../../shared/inspection/action-overview';
import type { Change } from '../../shared/inspection/changes';
import { cleanChange } from '../../shared/inspection/edit-limits';
import type { CorrectiveAction } from '../../shared/inspection/schema';
import { api, unwrap } from '../api/client';
import { useWalkStore } from './walk-store';

interface ActionsState {
  /** Every action of every inspection not in the trash; null until first read. */
  readonly overview: ActionOverview | null;
  load(): Promise<void>;
  /** Saves the action as done with what was done and when, then re-reads the list. */
  markDone(inspectionId: string, action: CorrectiveAction, record: DoneRecord): Promise<void>;
  /** Opens a new action (on a flagged register row, say), then re-reads the list. */
  add(inspectionId: string, input: NewActionInput): Promise<void>;
}

/** How long a read waits for the walk-through's last edits to reach the disk. */
const SETTLE_MS = 5000;

/**
 * Corrective actions across inspections (the 整改 page). An edit here is an ordinary edit of
 * its inspection through the one save pipeline; the list is read afresh after each.
 */
export const useActionsStore = create<ActionsState>()((set, get) => {
  const save = async (inspectionId: string, change: Change) => {
    await unwrap(api().inspections.update({ id: inspectionId, changes: [cleanChange(change)] }));
    await get().load();
  };
  return {
    overview: null,
    async load() {
      // Edits just made in the walk-through are still on their way: show them, not the old file.
      await useWalkStore.getState().whenSaved(SETTLE_MS);
      set({ overview: await unwrap(api().actions.list()) });
    },
    markDone: (inspectionId, action, record) =>
      save(inspectionId, {
        kind: 'action-put',
        action: markedDone(action, record, new Date().toISOString()),
      }),
    add: (inspectionId, input) =>
      save(inspectionId, {
        kind: 'action-put',
        action: newAction(input, crypto.randomUUID(), new Date().toISOString()),
      }),
  };
});
