import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BureauReviewBanner } from '../../components/bureau-reviews/BureauReviewBanner';
import { ExportMenu } from '../../components/ExportMenu';
import { LoadedInspection } from '../../components/LoadedInspection';
import { periodLabel } from '../../../shared/inspection/period';
import { reviewInspection } from '../../../shared/inspection/review';
import type { Inspection } from '../../../shared/inspection/schema';
import type { Template } from '../../../shared/template/schema';
import { useLocale } from '../../i18n/use-locale';
import { localToday } from '../../lib/local-today';
import { useInspectionLinks, useOpenedWorkbook } from '../../lib/opened-workbook';
import { useWalkStore } from '../../stores/walk-store';
import { BlockerList } from './BlockerList';
import { FindingsList, OpenActions } from './FindingsAndActions';
import { HandOver } from './HandOver';
import { itemPlaces } from './item-places';
import { ReviewSummary } from './ReviewSummary';
import { SignedPanel } from './SignedPanel';
import { SignoffForm } from './SignoffForm';
import { VoidedSignoffs } from './VoidedSignoffs';
import './review.css';

/**
 * 审阅与签字: one inspection as the principal reads it (figures, findings, open actions), what
 * still stops sign-off with a way to each, handing over, the sign-off itself, and once signed,
 * whether the signature still holds. The inspection is read afresh when the page opens.
 */
export function ReviewPage({ id }: { id: string }) {
  const open = useWalkStore((s) => s.open);
  const inspection = useWalkStore((s) => s.inspection);
  const template = useWalkStore((s) => s.template);
  const loadError = useWalkStore((s) => s.loadError);

  useEffect(() => {
    // The walk-through just left may still be sending its last edits: they are read too.
    let current = true;
    void useWalkStore
      .getState()
      .whenSaved(5000)
      .then(() => {
        if (current) void open(id);
      });
    return () => {
      current = false;
    };
  }, [open, id]);
  useEffect(() => () => void useWalkStore.getState().close(), []);

  return (
    <LoadedInspection id={id} loadError={loadError} inspection={inspection} template={template}>
      {(loaded, pinned) => <Review inspection={loaded} template={pinned} />}
    </LoadedInspection>
  );
}

/** The review of an inspection, or (read-only: no handing over, signing or reopening) of an opened workbook's. */
export function Review({ inspection, template }: { inspection: Inspection; template: Template }) {
  const { t } = useTranslation();
  const links = useInspectionLinks();
  const workbook = useOpenedWorkbook();
  const { pick } = useLocale();
  const today = useMemo(() => localToday(), []);
  const review = useMemo(
    () => reviewInspection(template, inspection, today),
    [template, inspection, today],
  );
  const places = useMemo(() => itemPlaces(template), [template]);
  const { id, state, signoff } = inspection;
  const blockers = review.blockers.length;

  return (
    <div className="review">
      <header className="review-header">
        <div>
          <a href={links.section(id)} className="back-link">
            {t('review.back')}
          </a>
          <h1>{t('review.title')}</h1>
          <p className="hint">
            {inspection.school.name} · {pick(periodLabel(inspection.period))} ·{' '}
            {pick(template.title)} {template.version} ·{' '}
            <span className="nowrap">{t('walk.inspector', { name: inspection.inspector })}</span>
          </p>
        </div>
        <div className="review-header-side">
          <span className={`state state-${state}`}>{t(`inspections.states.${state}`)}</span>
          <a className="button" href={links.view(id, 'report')}>
            {t('review.report')}
          </a>
          {workbook === null && <ExportMenu inspectionId={id} signed={state === 'signed'} />}
        </div>
      </header>

      {workbook === null && (
        <BureauReviewBanner
          inspection={inspection}
          template={template}
          sectionHref={(sectionId) => links.section(id, sectionId)}
        />
      )}
      {state === 'signed' && signoff ? (
        <SignedPanel inspectionId={id} signoff={signoff} />
      ) : (
        <>
          {workbook === null && <HandOver inspection={inspection} blockers={blockers} />}
          <BlockerList inspectionId={id} blockers={review.blockers} places={places} />
          {workbook === null && state === 'ready' && blockers === 0 && (
            <SignoffForm key={id} inspectionId={id} />
          )}
        </>
      )}
      <ReviewSummary inspectionId={id} template={template} review={review} />
      <FindingsList inspectionId={id} review={review} places={places} />
      <OpenActions inspectionId={id} review={review} places={places} today={today} />
      <VoidedSignoffs reopened={inspection.reopened} />
    </div>
  );
}
