import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from './format-bytes';
import type { RunningScan } from '../../stores/scan-store';
import { useScanStore } from '../../stores/scan-store';

/**
 * A run under way: a labelled progress bar (files or pages read, of how many when known), bytes,
 * findings so far and what is being read, with 取消. The region takes the focus when the run
 * starts and is polite-live, so a screen reader hears the progress and the end.
 */
export function RunProgress({ run }: { run: RunningScan }) {
  const { t } = useTranslation();
  const cancel = useScanStore((s) => s.cancel);
  const id = useId();
  const region = useRef<HTMLElement>(null);
  const { state, progress } = run.status;
  const running = state === 'running';
  useEffect(() => {
    region.current?.focus();
  }, [run.runId]);
  const counted =
    progress.total !== null
      ? t('contentReview.progress.ofTotal', { scanned: progress.scanned, total: progress.total })
      : t('contentReview.progress.scanned', { scanned: progress.scanned });
  return (
    <section
      ref={region}
      tabIndex={-1}
      className="card scan-progress"
      aria-labelledby={`${id}-title`}
      aria-busy={running}
    >
      <h2 id={`${id}-title`}>
        {running ? t('contentReview.progress.title') : t(`contentReview.progress.ended.${state}`)}
      </h2>
      <progress
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-figures`}
        max={progress.total ?? undefined}
        value={
          running ? (progress.total !== null ? progress.scanned : undefined) : (progress.total ?? 1)
        }
      />
      <p id={`${id}-figures`} className="scan-figures" aria-live="polite">
        {t(`contentReview.progress.phase.${progress.phase}`)} · {counted} ·{' '}
        {formatBytes(progress.bytes)} ·{' '}
        {t('contentReview.progress.findings', { count: progress.findings })}
      </p>
      {running && progress.current !== '' && (
        <p className="scan-current">
          {t('contentReview.progress.current')}{' '}
          <span className="source-text">{progress.current}</span>
        </p>
      )}
      {running && (
        <div className="form-actions">
          <button
            type="button"
            className="button"
            disabled={run.cancelling}
            aria-busy={run.cancelling || undefined}
            onClick={() => void cancel()}
          >
            {run.cancelling
              ? t('contentReview.progress.cancelling')
              : t('contentReview.progress.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
