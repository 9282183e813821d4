import { AppError, ERROR_MESSAGES } from '../../shared/errors';
import type { HandlersOf } from '../../shared/ipc/define';
import type { evidenceContract, PickResult } from '../../shared/ipc/evidence';
import type { EvidenceStore } from '../services/evidence/evidence-store';
import { evidenceName } from '../../shared/inspection/evidence-files';
import type { FilePicker } from '../services/evidence/file-picker';
import type { Logger } from '../services/logger';

type EvidenceHandlers = HandlersOf<{ evidence: typeof evidenceContract }>['evidence'];

interface EvidenceDeps {
  readonly evidence: Pick<EvidenceStore, 'addFile' | 'read'>;
  readonly picker: FilePicker;
  readonly log: Logger;
}

export function createEvidenceHandlers({ evidence, picker, log }: EvidenceDeps): EvidenceHandlers {
  return {
    // One file that cannot be stored never costs the user the others they chose with it.
    pick: async () => {
      const result: PickResult = { files: [], problems: [] };
      for (const file of await picker.pickFiles()) {
        try {
          result.files.push(await evidence.addFile(file));
        } catch (error) {
          if (!(error instanceof AppError)) log.error('evidence.pick-failed', error);
          const message =
            error instanceof AppError
              ? (error.detail ?? ERROR_MESSAGES[error.code])
              : ERROR_MESSAGES.internal;
          result.problems.push({ name: evidenceName(file), message: { ...message } });
        }
      }
      log.info('evidence.picked', { files: result.files.length, problems: result.problems.length });
      return result;
    },
    read: async ({ sha256 }) => {
      const { type, bytes } = await evidence.read(sha256);
      return { type, dataBase64: bytes.toString('base64') };
    },
  };
}
