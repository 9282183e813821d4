import fs from 'node:fs';
import type { FileIntake } from '../../../shared/bureau/intake';
import type { SchoolListEntry } from '../../../shared/bureau/school-list';
import type { BureauIndex, Review, StoredSubmission } from '../../../shared/bureau/store-index';
import { emptyBureauIndex } from '../../../shared/bureau/store-index';
import type { ReviewInput } from '../../../shared/bureau/store-ops';
import {
  findSubmission,
  intakeOf,
  reviewFor,
  withAccepted,
  withoutSubmission,
  withRejected,
  withReview,
} from '../../../shared/bureau/store-ops';
import { AppError } from '../../../shared/errors';
import { FORBIDDEN_CHARACTERS } from '../../../shared/inspection/patterns';
import { localIsoDate } from '../../../shared/local-date';
import type { StorageNotice } from '../../../shared/storage-notice';
import { BUREAU_FILES_DIR, BUREAU_INDEX_FILE, dataPaths } from '../data-layout';
import type { Logger } from '../logger';
import { quarantine } from '../quarantine';
import { moveToRemoved, sha256Of, statCopy, storeCopy } from './bureau-copies';
import type { IndexBackupReason } from './bureau-index-file';
import { backupIndex, indexBackups, readIndex, writeIndex } from './bureau-index-file';
import type { IntakeFn } from './bureau-rebuild';
import { inFolder, rebuildIndex } from './bureau-rebuild';
import { intakeFile } from './intake';

/**
 * The bureau store (docs/formats.md, "The bureau store"): the files a bureau received from
 * schools and what it decided about them, in `<data folder>/bureau/`, with the same care as
 * inspections: copies named by their content and never overwritten, the index written whole and
 * atomically, a damaged index kept aside, reported and rebuilt from the copies (reviews from its
 * newest good backup), an index from a newer app left alone. Changes run one at a time, in the
 * order asked for.
 */
export interface BureauStore {
  /** The index as it stands (read-only: change it through the methods below). */
  snapshot(): BureauIndex;
  /** How many accepted files the store holds. */
  count(): number;
  /** What the user must be told about the store, found when it was opened. */
  readonly notices: readonly StorageNotice[];
  /** Verifies one file and keeps it when accepted; the same bytes twice are one submission. */
  add(fileName: string, bytes: Uint8Array): Promise<AddOutcome>;
  /** Takes a submission out; its copy moves to `bureau/removed/`. */
  remove(sha256: string): Promise<void>;
  review(input: ReviewInput): Promise<Review>;
  /** Records that the feedback of a reviewed submission was saved. */
  feedbackSaved(sha256: string): Promise<void>;
  setSchools(schools: readonly SchoolListEntry[] | null): Promise<void>;
  clearRejected(): Promise<void>;
}

export interface AddOutcome {
  readonly intake: FileIntake;
  readonly alreadyReceived: boolean;
}

export interface OpenBureauStoreOptions {
  readonly dataDir: string;
  readonly log: Logger;
  readonly now?: () => Date;
  /** How a file is verified (the real one, electron/services/bureau/intake.ts, by default). */
  readonly intake?: IntakeFn;
}

/** A file's name is only shown: control and direction characters are replaced, never kept. */
const shownName = (name: string): string =>
  name.replace(new RegExp(FORBIDDEN_CHARACTERS.source, 'g'), '\uFFFD');

const backupDay = (name: string): string | null => {
  const match = /^index-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name);
  if (!match) return null;
  const [, day, h, m, s, ms] = match;
  return localIsoDate(new Date(`${day}T${h}:${m}:${s}.${ms}Z`));
};

export function openBureauStore(options: OpenBureauStoreOptions): BureauStore {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  const intake = options.intake ?? intakeFile;
  const paths = dataPaths(options.dataDir);
  const notices: StorageNotice[] = [];
  const opened = openIndex(options, notices);
  let index = opened.index;
  const readOnly = opened.readOnly;
  let lastBackupDay: string | null = indexBackups(paths).map(backupDay).find(Boolean) ?? null;

  const commit = (next: BureauIndex, reason?: IndexBackupReason) => {
    if (readOnly) throw new AppError('storage-newer-version');
    try {
      const at = now();
      const today = localIsoDate(at);
      if (lastBackupDay !== today) {
        backupIndex(paths, 'daily', at);
        lastBackupDay = today;
      }
      if (reason) backupIndex(paths, reason, at);
      writeIndex(paths, next);
    } catch (error) {
      log.error('bureau.storage-failed', error);
      throw new AppError('storage-failed');
    }
    index = next;
  };

  // One change at a time: each waits for the one before it, whether it succeeded or not.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => T): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  const add = (fileName: string, bytes: Uint8Array): AddOutcome => {
    const held = findSubmission(index, sha256Of(bytes));
    if (held) return { intake: intakeOf(held), alreadyReceived: true };
    const at = now();
    const result = intake(shownName(fileName), bytes, localIsoDate(at));
    const got = result.intake;
    if (got.outcome === 'rejected') {
      try {
        commit(withRejected(index, got, at.toISOString()));
      } catch (error) {
        // The verdict is what the user asked for; failing to remember it is only logged.
        log.warn('bureau.rejection-not-kept', { code: (error as AppError).code });
      }
      return { intake: got, alreadyReceived: false };
    }
    if (readOnly) throw new AppError('storage-newer-version');
    try {
      const keptAs = storeCopy(paths, got.sha256, got.kind, bytes, at);
      if (keptAs) log.warn('bureau.copy-set-aside', { keptAs });
    } catch (error) {
      log.error('bureau.storage-failed', error);
      throw new AppError('storage-failed');
    }
    commit(withAccepted(index, got, result.template, at.toISOString()));
    log.info('bureau.received', { kind: got.kind, signed: got.submission.signed });
    return { intake: got, alreadyReceived: false };
  };

  const held = (sha256: string): StoredSubmission => {
    const stored = findSubmission(index, sha256);
    if (!stored) throw new AppError('bureau-submission-not-found');
    return stored;
  };

  return {
    notices,
    snapshot: () => index,
    count: () => index.submissions.length,
    add: (fileName, bytes) => serial(() => add(fileName, bytes)),
    remove: (sha256) =>
      serial(() => {
        const stored = held(sha256);
        commit(withoutSubmission(index, sha256), 'before-remove');
        try {
          moveToRemoved(paths, sha256, stored.kind);
        } catch (error) {
          // Out of the index already; the copy left in files/ is only found by a rebuild.
          log.warn('bureau.copy-not-moved', {
            code: String((error as NodeJS.ErrnoException).code),
          });
        }
        log.info('bureau.removed');
      }),
    review: (input) =>
      serial(() => {
        const review = reviewFor(index, input, now().toISOString());
        commit(withReview(index, input.sha256, review));
        return review;
      }),
    feedbackSaved: (sha256) =>
      serial(() => {
        held(sha256);
        const review = index.reviews[sha256];
        if (!review) throw new AppError('bureau-feedback-unavailable');
        commit(withReview(index, sha256, { ...review, feedbackSavedAt: now().toISOString() }));
      }),
    setSchools: (schools) =>
      serial(() =>
        commit(
          { ...index, schools: schools ? [...schools] : null },
          schools ? undefined : 'before-clear',
        ),
      ),
    clearRejected: () => serial(() => commit({ ...index, rejected: [] }, 'before-clear')),
  };
}

/** Reads and judges the index at start-up; rebuilds it when it is damaged or gone. */
function openIndex(
  options: OpenBureauStoreOptions,
  notices: StorageNotice[],
): { index: BureauIndex; readOnly: boolean } {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  const intake = options.intake ?? intakeFile;
  const paths = dataPaths(options.dataDir);
  const found = readIndex(paths);
  if (found.kind === 'newer') {
    notices.push({ kind: 'newer-version', file: inFolder(BUREAU_INDEX_FILE) });
    log.warn('bureau.newer-version', { format: found.format });
    return { index: emptyBureauIndex(), readOnly: true };
  }
  if (found.kind === 'good')
    return { index: checkCopies(found.index, options, notices), readOnly: false };
  if (found.kind === 'missing' && !fs.existsSync(paths.bureauFiles))
    return { index: emptyBureauIndex(), readOnly: false };
  let keptAs: string | undefined;
  if (found.kind === 'damaged') {
    keptAs = inFolder(quarantine(paths.bureauIndexFile, now()));
    log.warn('bureau.index-quarantined', { why: found.why });
  }
  const rebuilt = rebuildIndex(paths, intake, now(), log);
  notices.push(
    {
      kind: 'quarantined',
      file: inFolder(BUREAU_INDEX_FILE),
      ...(keptAs && { keptAs }),
      detail: rebuilt.detail,
    },
    ...rebuilt.notices,
  );
  try {
    writeIndex(paths, rebuilt.index);
  } catch (error) {
    // It is rebuilt again at the next start; the first change will say the disk failed.
    log.error('bureau.storage-failed', error);
  }
  return { index: rebuilt.index, readOnly: false };
}

/**
 * Checks each stored copy against the index cheaply (present, same size); a missing copy or one
 * whose bytes changed takes its submission out of the index, and the user is told.
 */
function checkCopies(
  index: BureauIndex,
  options: OpenBureauStoreOptions,
  notices: StorageNotice[],
): BureauIndex {
  const now = (options.now ?? (() => new Date()))();
  const paths = dataPaths(options.dataDir);
  const lost: string[] = [];
  for (const stored of index.submissions) {
    const name = `${stored.sha256}.${stored.kind === 'package' ? 'zip' : 'xlsx'}`;
    const found = statCopy(paths, stored.sha256, stored.kind, stored.size, now);
    if (found.kind === 'unread' || found.kind === 'good') continue;
    lost.push(stored.sha256);
    notices.push(
      found.kind === 'set-aside'
        ? {
            kind: 'quarantined',
            file: inFolder(BUREAU_FILES_DIR, name),
            keptAs: inFolder(BUREAU_FILES_DIR, found.keptAs),
          }
        : {
            kind: 'quarantined',
            file: inFolder(BUREAU_FILES_DIR, name),
            detail: MISSING_COPY(stored.file),
          },
    );
    options.log.warn('bureau.copy-lost', { kind: found.kind });
  }
  if (lost.length === 0) return index;
  let next = index;
  for (const sha256 of lost) next = withoutSubmission(next, sha256);
  try {
    backupIndex(paths, 'before-remove', now);
    writeIndex(paths, next);
  } catch (error) {
    options.log.error('bureau.storage-failed', error);
  }
  return next;
}

const MISSING_COPY = (file: string) => ({
  'zh-CN': `收到的文件 ${file} 的保存副本不见了，已从汇总中移除；如仍需要，请重新导入该文件。`,
  'en-US': `The stored copy of ${file} is missing, so it was taken out of the summary; import the file again if it is still needed.`,
});
