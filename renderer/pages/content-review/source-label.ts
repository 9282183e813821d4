import type { TFunction } from 'i18next';
import type { ScanSource } from '../../../shared/scan/finding';

/** What a scan read, in words: 文件夹 name, or 网站 start address. */
export function sourceLabel(source: ScanSource, t: TFunction): string {
  return source.kind === 'folder'
    ? t('contentReview.source.folder', { name: source.name })
    : t('contentReview.source.site', { start: source.start });
}
