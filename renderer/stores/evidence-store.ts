import { create } from 'zustand';
import type { EvidenceRef } from '../../shared/inspection/schema';
import type { PickResult } from '../../shared/ipc/evidence';
import { api, unwrap } from '../api/client';
import { base64ToBytes, saveFile } from '../api/files';

/** Files attached as evidence: choosing and storing them, and reading them back. */
interface EvidenceState {
  /** Preview URLs by sha256. Stored files never change, so each is read once per window. */
  readonly previews: ReadonlyMap<string, string>;
  /**
   * Lets the user choose files and stores them; resolves with the ones to attach and the ones
   * refused (too large, unreadable), each with why.
   */
  pick(): Promise<PickResult>;
  /**
   * Reads a file for its preview, unless it was read already. A file that cannot be read keeps
   * a placeholder (its name still saves a copy) and is tried again the next time it is shown.
   */
  loadPreview(ref: EvidenceRef): Promise<void>;
  /** Hands a copy of the file, under its own name, to the browser's download. */
  saveCopy(ref: EvidenceRef): Promise<void>;
}

// Reads on their way, so fifty thumbnails of one file cost one read.
const reading = new Map<string, Promise<void>>();

export const useEvidenceStore = create<EvidenceState>()((set, get) => ({
  previews: new Map(),
  pick: () => unwrap(api().evidence.pick()),
  loadPreview({ sha256 }) {
    if (get().previews.has(sha256)) return Promise.resolve();
    let read = reading.get(sha256);
    if (!read) {
      read = unwrap(api().evidence.read({ sha256 })).then(
        ({ type, dataBase64 }) => {
          const url = URL.createObjectURL(
            new Blob([base64ToBytes(dataBase64) as BlobPart], { type }),
          );
          set({ previews: new Map(get().previews).set(sha256, url) });
        },
        () => {
          reading.delete(sha256);
        },
      );
      reading.set(sha256, read);
    }
    return read;
  },
  async saveCopy(ref) {
    const file = await unwrap(api().evidence.read({ sha256: ref.sha256 }));
    saveFile(ref.name, file.type, file.dataBase64);
  },
}));
