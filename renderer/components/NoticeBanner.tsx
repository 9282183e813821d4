import { useTranslation } from 'react-i18next';
import type { StorageNotice } from '../../shared/storage-notice';
import { useLocale } from '../i18n/use-locale';
import { Icon } from './icons';

/** Tells the user what the app found wrong in its data folder at start-up; never silent. */
export function NoticeBanner({
  notices,
  onDismiss,
}: {
  notices: readonly StorageNotice[];
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  if (notices.length === 0) return null;
  return (
    <div className="banner banner-warning" role="alert">
      <Icon name="info" />
      <ul>
        {notices.map((notice) => (
          <li key={`${notice.kind}:${notice.file}`}>
            {notice.kind === 'newer-version'
              ? t('notices.newerVersion', { file: notice.file })
              : notice.keptAs !== undefined || !notice.detail
                ? t('notices.quarantined', { file: notice.file, keptAs: notice.keptAs ?? '' })
                : ''}
            {notice.detail && ` ${pick(notice.detail)}`}
          </li>
        ))}
      </ul>
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        {t('notices.dismiss')}
      </button>
    </div>
  );
}
