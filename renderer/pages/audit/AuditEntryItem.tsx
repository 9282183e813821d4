import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditLine } from '../../../shared/inspection/audit-text';
import { useLocale } from '../../i18n/use-locale';
import { formatDateTime } from '../../lib/format';

/** Longer texts are cut here on screen, with a button to see them whole (the entry stays whole). */
export const SHOWN_CHARACTERS = 160;

/** How many characters of a hash name a file at a glance; the whole hash is a click away. */
const SHORT_HASH = 12;

const MILESTONES = new Set(['signed', 'reopened', 'state']);

interface Props {
  readonly line: AuditLine;
  /** Recorded after the last sign-off: outside what it signed. */
  readonly afterSigning: boolean;
}

/** One entry of the trail: when, what happened, where, the values before and after, particulars. */
export const AuditEntryItem = memo(function AuditEntryItem({ line, afterSigning }: Props) {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const [whole, setWhole] = useState(false);
  const texts = [line.change?.from, line.change?.to, ...line.details.map((d) => d.text)].filter(
    (text) => text !== undefined,
  );
  const long = texts.some((text) => pick(text).length > SHOWN_CHARACTERS);
  const shown = (text: string) =>
    whole || text.length <= SHOWN_CHARACTERS ? text : `${text.slice(0, SHOWN_CHARACTERS)}…`;
  const { entry } = line;

  return (
    <li
      className={[
        'audit-entry',
        `audit-kind-${line.kind}`,
        MILESTONES.has(entry.event) ? `audit-milestone audit-${entry.event}` : '',
        afterSigning ? 'audit-after' : '',
      ]
        .filter(Boolean)
        .join(' ')}
      data-event={entry.event}
      data-index={line.index}
    >
      <time className="audit-time" dateTime={entry.at}>
        {formatDateTime(entry.at, locale)}
      </time>
      <div className="audit-body">
        <p className="audit-what">
          <strong>{pick(line.what)}</strong>
          {afterSigning && (
            <span className="badge audit-after-badge" title={t('audit.afterSigningHint')}>
              {t('audit.afterSigning')}
            </span>
          )}
        </p>
        {line.where.length > 0 && (
          <p className="audit-where">{line.where.map((w) => pick(w)).join(' › ')}</p>
        )}
        {line.change && (
          <p className="audit-change">
            <span className={entry.from === undefined ? 'audit-from audit-none' : 'audit-from'}>
              {shown(pick(line.change.from))}
            </span>
            <span aria-hidden="true"> → </span>
            <span className="visually-hidden">{` ${t('audit.changedTo')} `}</span>
            <span className={entry.to === undefined ? 'audit-to audit-none' : 'audit-to'}>
              {shown(pick(line.change.to))}
            </span>
          </p>
        )}
        {line.file && (
          <p className="audit-file">
            <span className="audit-file-name">{line.file.name}</span>{' '}
            <code title={line.file.sha256}>
              {whole ? line.file.sha256 : `${line.file.sha256.slice(0, SHORT_HASH)}…`}
            </code>
          </p>
        )}
        {line.details.map((detail, i) => (
          <p key={i} className="audit-detail">
            {detail.label && (
              <span className="audit-label">
                {t('audit.labelled', { label: pick(detail.label) })}
              </span>
            )}
            {shown(pick(detail.text))}
          </p>
        ))}
        {(long || line.file) && (
          <button
            type="button"
            className="link-button audit-whole"
            aria-expanded={whole}
            onClick={() => setWhole(!whole)}
          >
            {whole ? t('audit.showLess') : line.file ? t('audit.showHash') : t('audit.showAll')}
          </button>
        )}
      </div>
    </li>
  );
});
