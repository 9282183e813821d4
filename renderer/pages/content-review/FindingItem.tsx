import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/scan/finding';
import { useScanStore, useScansLocked } from '../../stores/scan-store';
import { splitContext } from './findings-view';
import { FINDING_STATE_LIST, LOCKED_REASON_ID } from './states';

/**
 * One finding: where (line:column), which detector, what matched (masked when personal), its
 * context with the match emphasised, and what else it has (category, link target as plain text,
 * hiding trick, HTTP status); with its mark as a radio group (disabled, and why, when signed).
 */
function FindingItemView({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  const mark = useScanStore((s) => s.mark);
  const locked = useScansLocked();
  const parts = splitContext(finding);
  const detector = t(`contentReview.detectors.${finding.detector}`);
  const where = t('contentReview.findings.at', { line: finding.line, column: finding.column });
  return (
    <li className={`finding-item finding-state-${finding.state}`} data-finding-id={finding.id}>
      <div className="finding-head">
        <span className="finding-where">{where}</span>
        <span className={`detector-tag detector-${finding.detector}`}>{detector}</span>
        {finding.match !== '' && <code className="finding-match">{finding.match}</code>}
      </div>
      {finding.context !== '' && (
        <p className="finding-context">
          {parts === null ? (
            finding.context
          ) : (
            <>
              {parts[0]}
              <mark>{parts[1]}</mark>
              {parts[2]}
            </>
          )}
        </p>
      )}
      <dl className="finding-extra">
        {finding.category !== undefined && (
          <div>
            <dt>{t('contentReview.findings.category')}</dt>
            <dd>{finding.category}</dd>
          </div>
        )}
        {finding.target !== undefined && (
          <div>
            <dt>{t('contentReview.findings.target')}</dt>
            {/* Plain text: a hidden link's target is often a hostile site. */}
            <dd className="source-text">{finding.target}</dd>
          </div>
        )}
        {finding.trick !== undefined && (
          <div>
            <dt>{t('contentReview.findings.trick')}</dt>
            <dd>{t(`contentReview.tricks.${finding.trick}`)}</dd>
          </div>
        )}
        {finding.status !== undefined && (
          <div>
            <dt>{t('contentReview.findings.status')}</dt>
            <dd>{finding.status}</dd>
          </div>
        )}
      </dl>
      <fieldset
        className="segmented finding-marks"
        disabled={locked}
        aria-describedby={locked ? LOCKED_REASON_ID : undefined}
      >
        <legend className="visually-hidden">
          {t('contentReview.findings.markLabel', { detector, where })}
        </legend>
        {FINDING_STATE_LIST.map((state) => (
          <label key={state} className="segmented-option">
            <input
              type="radio"
              name={`mark-${finding.id}`}
              value={state}
              checked={finding.state === state}
              onChange={() => void mark([finding.id], state)}
            />
            <span>{t(`contentReview.states.${state}`)}</span>
          </label>
        ))}
      </fieldset>
    </li>
  );
}

/** Marking one finding renders only that one again. */
export const FindingItem = memo(FindingItemView);
