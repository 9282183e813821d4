import { create } from 'zustand';
import type { BackupInfo } from '../../shared/ipc/backups';
import { api, unwrap } from '../api/client';
import { useAppStore } from './app-store';
import { useInspectionsStore } from './inspections-store';
import { useWalkStore } from './walk-store';

/** Automatic and hand-made backups of the data folder, and going back to one. */
interface BackupsState {
  /** Newest first, as the Node side lists them; null until loaded. */
  readonly backups: readonly BackupInfo[] | null;
  load(): Promise<void>;
  /** Makes a backup now and lists it. */
  create(): Promise<void>;
  /** Goes back to a backup, then re-reads everything it may have changed. */
  restore(id: string): Promise<void>;
}

export const useBackupsStore = create<BackupsState>()((set, get) => ({
  backups: null,
  async load() {
    set({ backups: await unwrap(api().backups.list()) });
  },
  async create() {
    await unwrap(api().backups.create());
    await get().load();
  },
  async restore(id) {
    // Edits still on their way are stored first, so the before-restore backup holds them.
    await useWalkStore.getState().whenSaved(10_000);
    await unwrap(api().backups.restore({ id }));
    await Promise.all([
      useAppStore.getState().load(),
      useInspectionsStore.getState().load(),
      get().load(),
    ]);
  },
}));
