import { useTranslation } from 'react-i18next';
import { groupFingerprint } from '../../../shared/inspection/fingerprint';
import type { CellDifference } from '../../../shared/workbook/compare';
import { useLocale } from '../../i18n/use-locale';
import { asSentence } from '../../lib/format';
import type { OpenedWorkbook } from '../../stores/workbook-store';

interface Props {
  readonly workbook: OpenedWorkbook;
  readonly onClose: () => void;
}

/** green: exactly as signed; amber: a draft; red: anything changed or not holding. */
const TONE = {
  signed: 'good',
  draft: 'draft',
} as const;

/**
 * Over every view of an opened workbook: what checking it found, in a word and in a colour,
 * who signed it with which key, each cell that differs from what was signed, the file's name,
 * and closing it.
 */
export function VerificationBanner({ workbook, onClose }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const { check, inspection, fileName } = workbook;
  const { signoff } = inspection;
  const tone = check.status === 'signed' || check.status === 'draft' ? TONE[check.status] : 'bad';
  return (
    <section
      className={`workbook-banner workbook-banner-${tone}`}
      aria-labelledby="workbook-banner-title"
      data-status={check.status}
    >
      <div className="workbook-banner-text">
        <p id="workbook-banner-title" className="workbook-banner-title">
          {t(`workbook.status.${check.status}`)}
          {check.status === 'signed' && signoff && (
            <>
              {' · '}
              {t('workbook.signer', { signer: signoff.signer, title: signoff.title })}
              {' · '}
              <span className="nowrap">
                {t('workbook.fingerprint')}{' '}
                <code className="fingerprint">{groupFingerprint(check.fingerprint ?? '')}</code>
              </span>
            </>
          )}
        </p>
        {check.status !== 'signed' && (
          <p className="workbook-banner-reason">{asSentence(pick(check.reason))}</p>
        )}
        {check.differences.length > 0 && (
          <Differences
            differences={check.differences}
            total={check.differenceCount}
            signed={signoff !== undefined}
          />
        )}
        <p className="hint">
          {t('workbook.file', { file: fileName })} · {t('workbook.readOnly')}
        </p>
      </div>
      <button type="button" className="button" onClick={onClose}>
        {t('workbook.close')}
      </button>
    </section>
  );
}

function Differences({
  differences,
  total,
  signed,
}: {
  differences: readonly CellDifference[];
  total: number;
  signed: boolean;
}) {
  const { t } = useTranslation();
  const shown = (value: string) => (value === '' ? t('workbook.empty') : value);
  return (
    <>
      <table className="workbook-differences">
        <caption>{t('workbook.differences.caption', { count: total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('workbook.differences.sheet')}</th>
            <th scope="col">{t('workbook.differences.cell')}</th>
            <th scope="col">
              {signed ? t('workbook.differences.signed') : t('workbook.differences.data')}
            </th>
            <th scope="col">{t('workbook.differences.found')}</th>
          </tr>
        </thead>
        <tbody>
          {differences.map((d, index) => (
            <tr key={index}>
              <td>{d.sheet}</td>
              {d.kind === 'cell' ? (
                <>
                  <td>
                    <code>{d.cell}</code>
                  </td>
                  <td>{shown(d.signed)}</td>
                  <td>{shown(d.found)}</td>
                </>
              ) : (
                <td colSpan={3}>{t(`workbook.differences.${d.kind}`)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {total > differences.length && (
        <p className="hint">
          {t('workbook.differences.more', { count: total - differences.length })}
        </p>
      )}
    </>
  );
}
