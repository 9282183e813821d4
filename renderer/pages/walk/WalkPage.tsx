import { Fragment, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BureauItemComments } from '../../components/bureau-reviews/BureauItemComments';
import { BureauReviewBanner } from '../../components/bureau-reviews/BureauReviewBanner';
import { LoadedInspection } from '../../components/LoadedInspection';
import { periodLabel } from '../../../shared/inspection/period';
import type { Inspection } from '../../../shared/inspection/schema';
import type { Evaluation } from '../../../shared/template/engine';
import type { Item, Template } from '../../../shared/template/schema';
import { useInspectionLinks, useOpenedWorkbook } from '../../lib/opened-workbook';
import { hrefOf, inspectionViewHref } from '../../lib/routes';
import { DETECTOR_ITEMS, REVIEW_ITEM } from '../../../shared/scan/detectors';
import { useLocale } from '../../i18n/use-locale';
import { localToday } from '../../lib/local-today';
import { useLocked, useWalkStore } from '../../stores/walk-store';
import { formatPercent } from '../../lib/format';
import { DetailsDialog } from './DetailsDialog';
import { ItemCard } from './ItemCard';
import { LockBanner } from './LockBanner';
import { SaveIndicator } from './SaveIndicator';
import { SectionNav } from './SectionNav';
import { useEvaluation } from './use-evaluation';
import { useWalkShortcuts } from './use-walk-shortcuts';
import './walk.css';

export function WalkPage({ id, sectionId }: { id: string; sectionId: string | undefined }) {
  const open = useWalkStore((s) => s.open);
  const inspection = useWalkStore((s) => s.inspection);
  const template = useWalkStore((s) => s.template);
  const loadError = useWalkStore((s) => s.loadError);

  useEffect(() => {
    void open(id);
  }, [open, id]);
  // Leaving the walk-through hands its unsaved edits to the background and forgets the copy, so
  // coming back (after a restore, a trash, an import) always shows what is stored.
  useEffect(() => () => void useWalkStore.getState().close(), []);

  return (
    <LoadedInspection id={id} loadError={loadError} inspection={inspection} template={template}>
      {(loaded, pinned) => <Walk inspection={loaded} template={pinned} sectionId={sectionId} />}
    </LoadedInspection>
  );
}

/** The walk-through of an inspection, or (read-only) of an opened workbook's. */
export function Walk({
  inspection,
  template,
  sectionId,
}: {
  inspection: Inspection;
  template: Template;
  sectionId: string | undefined;
}) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const today = useMemo(() => localToday(), []);
  const evaluation = useEvaluation(template, inspection, today);
  const apply = useWalkStore((s) => s.apply);
  const locked = useLocked();
  const workbook = useOpenedWorkbook();
  const links = useInspectionLinks();
  const [editing, setEditing] = useState(false);
  const sectionIndex = Math.max(
    0,
    template.sections.findIndex((s) => s.id === sectionId),
  );
  const section = template.sections[sectionIndex]!;
  useWalkShortcuts(inspection.id, template, sectionIndex, links);

  const visibleItems = section.items.filter((item) => evaluation.items[item.id]?.visible !== false);
  const previous = template.sections[sectionIndex - 1];
  const next = template.sections[sectionIndex + 1];

  return (
    <div className="walk">
      <header className="walk-header">
        <div>
          <a href={hrefOf('inspections')} className="back-link">
            {t('walk.backToList')}
          </a>
          <h1>
            {inspection.school.name} · {pick(periodLabel(inspection.period))}
          </h1>
          <p className="hint">
            {pick(template.title)} {template.version} ·{' '}
            {/* One unit: the line breaks before "Inspector:", never inside the name. */}
            <span className="nowrap">{t('walk.inspector', { name: inspection.inspector })}</span>
            {/* A signed inspection is locked: its details change only after a reopen. */}
            {!locked && (
              <button
                type="button"
                className="link details-edit"
                onClick={() => setEditing(true)}
                aria-label={t('details.editLabel')}
              >
                {t('details.edit')}
              </button>
            )}
          </p>
        </div>
        <dl className="walk-figures">
          <div>
            <dt>{t('inspections.columns.progress')}</dt>
            <dd>
              {evaluation.overall.answered}/{evaluation.overall.applicable}
            </dd>
          </div>
          <div>
            <dt>{t('inspections.columns.rate')}</dt>
            <dd>{formatPercent(evaluation.complianceRate)}</dd>
          </div>
          <div>
            <dt>{t('inspections.columns.findings')}</dt>
            <dd>{evaluation.findings.filter((f) => f.effect !== 'warning').length}</dd>
          </div>
        </dl>
        <div className="walk-header-side">
          {/* The inspection's other views, side by side. */}
          <div className="walk-views">
            <a className="button" href={links.view(inspection.id, 'review')}>
              {t('signoff.reviewLink')}
            </a>
            <a className="button" href={links.view(inspection.id, 'audit')}>
              {t('audit.open')}
            </a>
            <a className="button" href={links.view(inspection.id, 'report')}>
              {t('report.open')}
            </a>
            <ContentReviewLink inspectionId={inspection.id} />
          </div>
          {workbook === null && <SaveIndicator />}
        </div>
      </header>
      {editing && (
        <DetailsDialog inspection={inspection} onSave={apply} onClose={() => setEditing(false)} />
      )}
      <LockBanner inspection={inspection} />
      {/* An opened workbook is the bureau's copy: the school's feedback is not about it. */}
      {workbook === null && (
        <BureauReviewBanner
          inspection={inspection}
          template={template}
          sectionHref={(id) => links.section(inspection.id, id)}
        />
      )}
      <div className="walk-body">
        <SectionNav
          template={template}
          evaluation={evaluation}
          inspectionId={inspection.id}
          current={section.id}
        />
        <section
          className="walk-section"
          aria-labelledby="section-title"
          data-section-id={section.id}
        >
          <h2 id="section-title" tabIndex={-1}>
            {sectionIndex + 1}. {pick(section.title)}
          </h2>
          <p className="hint shortcuts">{t('walk.shortcuts')}</p>
          <SectionItems
            inspection={inspection}
            items={visibleItems}
            number={(item) => `${sectionIndex + 1}.${section.items.indexOf(item) + 1}`}
            evaluation={evaluation}
            today={today}
            bureau={workbook === null}
          />
          <nav className="section-pager" aria-label={t('walk.sectionPager')}>
            {previous ? (
              <a className="button" href={links.section(inspection.id, previous.id)}>
                ← {pick(previous.title)}
              </a>
            ) : (
              <span />
            )}
            {next ? (
              <a className="button button-primary" href={links.section(inspection.id, next.id)}>
                {pick(next.title)} →
              </a>
            ) : (
              <a className="button button-primary" href={hrefOf('inspections')}>
                {t('walk.finish')}
              </a>
            )}
          </nav>
        </section>
      </div>
    </div>
  );
}

/** 网站内容审查: the school's own tool; an opened workbook (the bureau's copy) has none. */
function ContentReviewLink({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  if (useOpenedWorkbook() !== null) return null;
  return (
    <a className="button" href={inspectionViewHref(inspectionId, 'content-review')}>
      {t('contentReview.open')}
    </a>
  );
}

/** The items the content review's findings are evidence for: each offers the tool beside it. */
const CONTENT_REVIEW_ITEMS: ReadonlySet<string> = new Set([
  REVIEW_ITEM,
  ...Object.values(DETECTOR_ITEMS).flat(),
]);

/** A section's visible items, each with the bureau's comments on it above (not for a workbook). */
function SectionItems({
  inspection,
  items,
  number,
  evaluation,
  today,
  bureau,
}: {
  inspection: Inspection;
  items: readonly Item[];
  number: (item: Item) => string;
  evaluation: Evaluation;
  today: string;
  bureau: boolean;
}) {
  const generation = useWalkStore((s) => s.generation);
  return items.map((item) => (
    <Fragment key={`${item.id}:${generation}`}>
      {bureau && <BureauItemComments inspectionId={inspection.id} itemId={item.id} />}
      <ItemCard
        item={item}
        number={number(item)}
        answer={
          Object.hasOwn(inspection.answers, item.id) ? inspection.answers[item.id] : undefined
        }
        rows={
          Object.hasOwn(inspection.registers, item.id) ? inspection.registers[item.id] : undefined
        }
        result={evaluation.items[item.id]!}
        actions={inspection.actions.filter((a) => a.itemId === item.id)}
        today={today}
        toolHref={
          bureau && CONTENT_REVIEW_ITEMS.has(item.id)
            ? inspectionViewHref(inspection.id, 'content-review')
            : undefined
        }
      />
    </Fragment>
  ));
}
