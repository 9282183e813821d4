import { Readable } from 'node:stream';
import { AppError, ERROR_MESSAGES } from '../../shared/errors';
import { MAX_MADE_EVIDENCE_BYTES } from '../../shared/inspection/evidence';
import type { HandlersOf } from '../../shared/ipc/define';
import type { evidenceContract, PickResult } from '../../shared/ipc/evidence';
import type { EvidenceStore } from '../services/evidence/evidence-store';
import { evidenceName } from '../../shared/inspection/evidence-files';
import type { FilePicker } from '../services/evidence/file-picker';
import type { Logger } from '../services/logger';

type EvidenceHandlers = HandlersOf<{ evidence: typeof evidenceContract }>['evidence'];

interface EvidenceDeps {
  readonly evidence: Pick<EvidenceStore, 'addFile' | 'addStream' | 'read'>;
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
    add: async ({ name, dataBase64 }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      if (bytes.length > MAX_MADE_EVIDENCE_BYTES) {
        throw new AppError('evidence-too-large', {
          'zh-CN': '文件超过 1 MB，未保存。',
          'en-US': 'The file is over 1 MB and was not stored.',
        });
      }
      const ref = await evidence.addStream(Readable.from([bytes]), name, '');
      log.info('evidence.added', { size: ref.size, type: ref.type });
      return ref;
    },
    read: async ({ sha256 }) => {
      const { type, bytes } = await evidence.read(sha256);
      return { type, dataBase64: bytes.toString('base64') };
    },
  };
}
