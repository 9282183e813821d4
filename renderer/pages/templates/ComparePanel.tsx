import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import { useReportError } from '../../lib/use-report-error';
import type { Comparison } from '../../stores/templates-store';
import { useTemplatesStore } from '../../stores/templates-store';
import { DiffView } from './DiffView';

/** Two versions of one template: pick them, compare, read what changed. */
export function ComparePanel({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const compare = useTemplatesStore((s) => s.compare);
  const choose = useTemplatesStore((s) => s.choose);
  const close = useTemplatesStore((s) => s.closeCompare);
  const title = useTemplatesStore(
    (s) => s.summaries?.find((x) => x.id === comparison.id)?.title ?? null,
  );
  const guard = useReportError();
  const { from, to, diff } = comparison;
  // Opened from a row of the list above: brought into view, as the viewer is.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.scrollIntoView?.({ block: 'start' });
  }, [comparison.id]);
  const versionSelect = (label: string, value: string, onChange: (v: string) => void) => (
    <label className="inline-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {comparison.versions.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section ref={panel} className="card viewer" aria-labelledby="template-compare-title">
      <header className="viewer-header">
        <div>
          <h2 id="template-compare-title">
            {t('templates.compareTitle', { title: title ? pick(title) : comparison.id })}
          </h2>
          {diff && (
            <p className="hint">
              {t('templates.compareMeta', {
                id: diff.from.id,
                from: diff.from.version,
                to: diff.to.version,
              })}
            </p>
          )}
        </div>
        <button type="button" className="button button-quiet" onClick={close}>
          {t('templates.close')}
        </button>
      </header>
      <form
        className="toolbar"
        aria-label={t('templates.compare')}
        onSubmit={(event) => {
          event.preventDefault();
          guard(compare());
        }}
      >
        {versionSelect(t('templates.compareFrom'), from, (v) => choose(v, to))}
        {versionSelect(t('templates.compareTo'), to, (v) => choose(from, v))}
        <button type="submit" className="button button-primary">
          {t('templates.compareRun')}
        </button>
      </form>
      {diff ? (
        <DiffView diff={diff} />
      ) : (
        <p className="hint" role="status">
          {t('templates.compareLoading')}
        </p>
      )}
    </section>
  );
}
