import { useTranslation } from 'react-i18next';
import type { ScanReport } from '../../../shared/scan/finding';
import { useLocale } from '../../i18n/use-locale';

/** Notes listed at once; the rest behind 显示全部. */
const NOTES_SHOWN = 200;

/** Skipped files and pages, and files read with a caveat: collapsed until opened. */
export function ScanNotes({ report }: { report: ScanReport }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const total = report.notes.length + report.notesDropped;
  if (total === 0) return null;
  return (
    // Open when nothing was read: the notes are then the whole result (why, e.g. the site refused).
    <details className="scan-notes" open={report.totals.scanned === 0 || undefined}>
      <summary>{t('contentReview.notes.title', { count: total })}</summary>
      <ul>
        {report.notes.slice(0, NOTES_SHOWN).map((note, index) => (
          <li key={index}>
            <span className="note-code">{t(`contentReview.noteCodes.${note.code}`)}</span>
            {note.source !== '' && <span className="source-text">{note.source}</span>}
            <span>{pick(note.message)}</span>
          </li>
        ))}
      </ul>
      {total > NOTES_SHOWN && (
        <p className="hint">{t('contentReview.notes.more', { count: total - NOTES_SHOWN })}</p>
      )}
    </details>
  );
}
