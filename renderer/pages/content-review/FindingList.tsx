import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DETECTORS } from '../../../shared/scan/detectors';
import type { DetectorName } from '../../../shared/scan/detectors';
import type { FindingState, ScanReport } from '../../../shared/scan/finding';
import { useScanStore, useScansLocked } from '../../stores/scan-store';
import { FindingItem } from './FindingItem';
import type { FindingFilter, FindingGroup } from './findings-view';
import { findingsPage, orderFindings } from './findings-view';
import { FINDING_STATE_LIST, LOCKED_REASON_ID } from './states';

/**
 * The findings, filtered by detector and state, a page at a time (so 50,000 stay responsive),
 * grouped by file or page; each with its mark, and each group with 全部标为….
 */
export function FindingList({ report }: { report: ScanReport }) {
  const { t } = useTranslation();
  const id = useId();
  const [filter, setFilter] = useState<FindingFilter>({ detector: 'all', state: 'all' });
  const [page, setPage] = useState(0);
  const top = useRef<HTMLHeadingElement>(null);
  const ordered = useMemo(() => orderFindings(report.findings), [report.findings]);
  const shown = useMemo(() => findingsPage(ordered, filter, page), [ordered, filter, page]);
  const choose = (next: Partial<FindingFilter>) => {
    setFilter((f) => ({ ...f, ...next }));
    setPage(0);
  };
  const go = (to: number) => {
    setPage(to);
    top.current?.focus();
  };
  return (
    <div className="finding-list">
      <h3 id={`${id}-title`} ref={top} tabIndex={-1}>
        {t('contentReview.findings.title')}
      </h3>
      <div className="filters" role="group" aria-label={t('contentReview.findings.filters')}>
        <label htmlFor={`${id}-detector`}>{t('contentReview.findings.detector')}</label>
        <select
          id={`${id}-detector`}
          value={filter.detector}
          onChange={(e) => choose({ detector: e.currentTarget.value as DetectorName | 'all' })}
        >
          <option value="all">{t('contentReview.findings.allDetectors')}</option>
          {DETECTORS.map((d) => (
            <option key={d} value={d}>
              {t(`contentReview.detectors.${d}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-state`}>{t('contentReview.findings.state')}</label>
        <select
          id={`${id}-state`}
          value={filter.state}
          onChange={(e) => choose({ state: e.currentTarget.value as FindingState | 'all' })}
        >
          <option value="all">{t('contentReview.findings.allStates')}</option>
          {FINDING_STATE_LIST.map((s) => (
            <option key={s} value={s}>
              {t(`contentReview.states.${s}`)}
            </option>
          ))}
        </select>
        <p className="hint" aria-live="polite">
          {t('contentReview.findings.count', { count: shown.total })}
        </p>
      </div>
      {shown.total > 0 && (filter.detector !== 'all' || filter.state !== 'all') && (
        <BulkMarks
          ids={shown.allIds}
          label={t('contentReview.findings.markFilteredLabel')}
          text={t('contentReview.findings.markFiltered', { count: shown.total })}
        />
      )}
      {shown.total === 0 ? (
        <p className="hint">
          {report.findings.length > 0
            ? t('contentReview.findings.none')
            : report.totals.scanned === 0
              ? t('contentReview.findings.nothingRead')
              : t('contentReview.findings.noneAtAll')}
        </p>
      ) : (
        shown.groups.map((group) => (
          <SourceGroup key={`${group.source}:${shown.page}`} group={group} scanId={report.id} />
        ))
      )}
      {shown.pages > 1 && (
        <nav className="pager" aria-label={t('contentReview.findings.pages')}>
          <button
            type="button"
            className="button"
            disabled={shown.page === 0}
            onClick={() => go(shown.page - 1)}
          >
            {t('contentReview.findings.previous')}
          </button>
          <span>
            {t('contentReview.findings.page', { page: shown.page + 1, pages: shown.pages })}
          </span>
          <button
            type="button"
            className="button"
            disabled={shown.page >= shown.pages - 1}
            onClick={() => go(shown.page + 1)}
          >
            {t('contentReview.findings.next')}
          </button>
        </nav>
      )}
    </div>
  );
}

/** One file or page: its findings, and marks for all of them at once. */
function SourceGroup({ group, scanId }: { group: FindingGroup; scanId: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="source-group" aria-labelledby={`${id}-source`} data-scan={scanId}>
      <header className="source-head">
        <h4 id={`${id}-source`} className="source-text">
          {group.source}
          {group.continued && (
            <span className="hint"> {t('contentReview.findings.continued')}</span>
          )}
        </h4>
        <BulkMarks
          ids={group.allIds}
          label={t('contentReview.findings.markAllLabel', { source: group.source })}
          text={t('contentReview.findings.markAll', { count: group.allIds.length })}
        />
      </header>
      <ol className="findings-in-source">
        {group.findings.map((finding) => (
          <FindingItem key={finding.id} finding={finding} />
        ))}
      </ol>
    </section>
  );
}

/** 全部标为 待处理 / 已处理 / 误报 for a set of findings (a file's, or all the filter keeps). */
function BulkMarks({ ids, label, text }: { ids: readonly string[]; label: string; text: string }) {
  const { t } = useTranslation();
  const mark = useScanStore((s) => s.mark);
  const busy = useScanStore((s) => s.busy);
  const locked = useScansLocked();
  return (
    <div className="bulk-marks" role="group" aria-label={label}>
      <span className="hint">{text}</span>
      {FINDING_STATE_LIST.map((state) => (
        <button
          key={state}
          type="button"
          className="button button-small"
          disabled={locked || busy === 'mark'}
          aria-describedby={locked ? LOCKED_REASON_ID : undefined}
          onClick={() => void mark(ids, state)}
        >
          {t(`contentReview.states.${state}`)}
        </button>
      ))}
    </div>
  );
}
