import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../shared/inspection/schema';
import { useFeedbackStore } from '../../stores/feedback-store';
import { useSignoffStore } from '../../stores/signoff-store';

interface Props {
  readonly inspection: Inspection;
  /** How many things still stop sign-off (listed beside this). */
  readonly blockers: number;
}

/**
 * The inspector hands the inspection to the principal (草稿 → 待签字), or takes it back to change
 * something (待签字 → 草稿). Handing over waits until nothing blocks sign-off, and says why not.
 */
export function HandOver({ inspection, blockers }: Props) {
  const { t } = useTranslation();
  const handOver = useSignoffStore((s) => s.handOver);
  const show = useFeedbackStore((s) => s.show);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const ready = inspection.state === 'ready';

  const move = async (to: 'ready' | 'draft') => {
    setBusy(true);
    setFailure(null);
    const result = await handOver(inspection.id, to);
    setBusy(false);
    if (result.ok) {
      show({
        kind: 'success',
        text: t(to === 'ready' ? 'review.handOver.done' : 'review.handOver.back'),
      });
    } else setFailure(result.message);
  };

  return (
    <section className="card review-card hand-over" aria-labelledby="review-hand-over">
      <h2 id="review-hand-over">{t('review.handOver.title')}</h2>
      <ol className="steps" aria-label={t('review.handOver.steps')}>
        {(['draft', 'ready', 'signed'] as const).map((state) => (
          <li
            key={state}
            className={state === inspection.state ? 'step current' : 'step'}
            aria-current={state === inspection.state ? 'step' : undefined}
          >
            {t(`inspections.states.${state}`)}
          </li>
        ))}
      </ol>
      {ready ? (
        <>
          <p>
            {blockers > 0
              ? t('review.handOver.readyBlocked', { count: blockers })
              : t('review.handOver.readyLead')}
          </p>
          <div className="toolbar">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void move('draft')}
            >
              {t('review.handOver.backButton')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('review.handOver.draftLead')}</p>
          <div className="toolbar">
            <button
              type="button"
              className="button button-primary"
              disabled={busy || blockers > 0}
              aria-describedby={blockers > 0 ? 'hand-over-why' : undefined}
              onClick={() => void move('ready')}
            >
              {t('review.handOver.button')}
            </button>
            {blockers > 0 ? (
              <span className="hint" id="hand-over-why">
                {t('review.handOver.blocked', { count: blockers })}
              </span>
            ) : (
              <span className="hint ok-note">{t('review.handOver.nothingBlocks')}</span>
            )}
          </div>
        </>
      )}
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
