import path from 'node:path';
import type { Bilingual } from '../../../shared/i18n/locale';
import { localIsoDate } from '../../../shared/local-date';
import type { BureauIndex, StoredSubmission } from '../../../shared/bureau/store-index';
import { emptyBureauIndex } from '../../../shared/bureau/store-index';
import { currentReviews, withAccepted } from '../../../shared/bureau/store-ops';
import type { StorageNotice } from '../../../shared/storage-notice';
import type { DataPaths } from '../data-layout';
import { BUREAU_DIR, BUREAU_FILES_DIR } from '../data-layout';
import type { Logger } from '../logger';
import { quarantine } from '../quarantine';
import type { IntakeResult } from './intake';
import { checkCopy, listCopies } from './bureau-copies';
import { newestGoodBackup } from './bureau-index-file';

export type IntakeFn = (file: string, bytes: Uint8Array, today: string) => IntakeResult;

/** A file in the data folder as a notice names it: relative, with forward slashes. */
export const inFolder = (...parts: string[]): string => [BUREAU_DIR, ...parts].join('/');

export interface Rebuilt {
  readonly index: BureauIndex;
  readonly notices: StorageNotice[];
  /** What the notice about the index says was kept and lost. */
  readonly detail: Bilingual;
}

/**
 * A new index from the stored copies, each verified again as when it arrived; what only the old
 * index knew (reviews, the names files came under, recent rejections, the school list) comes from
 * the newest good backup of it, if there is one. A copy that no longer hashes to its name, or no
 * longer verifies, is set aside and reported.
 */
export function rebuildIndex(paths: DataPaths, intake: IntakeFn, now: Date, log: Logger): Rebuilt {
  const backup = newestGoodBackup(paths);
  const before = new Map<string, StoredSubmission>(
    (backup?.index.submissions ?? []).map((s) => [s.sha256, s]),
  );
  const notices: StorageNotice[] = [];
  const setAside = (name: string, keptAs: string) =>
    notices.push({
      kind: 'quarantined',
      file: inFolder(BUREAU_FILES_DIR, name),
      keptAs: inFolder(BUREAU_FILES_DIR, keptAs),
    });
  let index = emptyBureauIndex();
  const today = localIsoDate(now);
  for (const copy of listCopies(paths)) {
    const found = checkCopy(paths, copy.sha256, copy.kind, now);
    if (found.kind === 'set-aside') setAside(copy.name, found.keptAs);
    if (found.kind !== 'good') continue;
    const prior = before.get(copy.sha256);
    const result = intake(prior?.file ?? copy.name, found.bytes, today);
    if (result.intake.outcome !== 'accepted' || result.intake.sha256 !== copy.sha256) {
      const keptAs = quarantine(path.join(paths.bureauFiles, copy.name), now);
      setAside(copy.name, keptAs);
      continue;
    }
    index = withAccepted(
      index,
      result.intake,
      result.template,
      prior?.receivedAt ?? copy.mtime.toISOString(),
    );
  }
  index = {
    ...index,
    submissions: [...index.submissions].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)),
    reviews: backup ? currentReviews({ ...index, reviews: backup.index.reviews }) : {},
    rejected: backup?.index.rejected ?? [],
    schools: backup?.index.schools ?? null,
  };
  const count = index.submissions.length;
  const reviews = Object.keys(index.reviews).length;
  log.warn('bureau.index-rebuilt', { submissions: count, reviews, fromBackup: backup !== null });
  const detail: Bilingual = backup
    ? {
        'zh-CN': `汇总索引已根据保存的 ${count} 份报送文件重新建立；${reviews} 条审核结果已从 ${backup.madeOn} 的备份恢复，此后所作的审核和意见已丢失，请核对。`,
        'en-US': `The bureau index was rebuilt from the ${count} stored files; ${reviews} reviews were restored from the backup of ${backup.madeOn}. Reviews and comments made since then were lost: please check them.`,
      }
    : {
        'zh-CN': `汇总索引已根据保存的 ${count} 份报送文件重新建立；没有可用的备份，审核结果和意见已丢失。`,
        'en-US': `The bureau index was rebuilt from the ${count} stored files; there was no usable backup, so the reviews and comments were lost.`,
      };
  return { index, notices, detail };
}
