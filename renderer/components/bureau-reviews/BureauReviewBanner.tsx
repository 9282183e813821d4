import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BureauReview } from '../../../shared/bureau/review-rules';
import { commentedItems, reopenReasonFor } from '../../../shared/bureau/review-rules';
import { TEXT_LIMITS } from '../../../shared/inspection/patterns';
import type { Inspection } from '../../../shared/inspection/schema';
import type { Template } from '../../../shared/template/schema';
import { useLocale } from '../../i18n/use-locale';
import { formatDate } from '../../lib/format';
import { useReportError } from '../../lib/use-report-error';
import { useBureauReviewsStore, useShownReviews } from '../../stores/bureau-reviews-store';
import { ReopenButton } from '../signoff/ReopenButton';

interface Props {
  readonly inspection: Inspection;
  readonly template: Template;
  /** Where an item's section is, in this view's addresses. */
  readonly sectionHref: (sectionId: string) => string;
}

/**
 * The bureau's feedback on an inspection (退回 / 通过), newest first: who decided what and when,
 * the overall comment, which signed version it is about, the items it comments on (each a way
 * to that item), and the way on: reopen to fix a returned one, archive one dealt with.
 */
export function BureauReviewBanner({ inspection, template, sectionHref }: Props) {
  const load = useBureauReviewsStore((s) => s.load);
  const report = useReportError();
  // Read again whenever the inspection changes: a reopen or a new sign-off changes the version.
  useEffect(() => {
    report(load(inspection.id));
  }, [load, report, inspection.id, inspection.updatedAt]);
  const shown = useShownReviews(inspection.id);
  const archived = useBureauReviewsStore((s) => s.reviews[inspection.id])?.filter(
    (r) => r.dismissedAt !== null,
  );
  if (shown.length === 0 && !archived?.length) return null;
  return (
    <>
      {shown.map((review) => (
        <ReviewCard
          key={review.sha256}
          review={review}
          inspection={inspection}
          template={template}
          sectionHref={sectionHref}
        />
      ))}
      {archived && archived.length > 0 && <Archived reviews={archived} />}
    </>
  );
}

function ReviewCard({
  review,
  inspection,
  template,
  sectionHref,
}: Props & { review: BureauReview }) {
  const { t } = useTranslation();
  const { locale, pick } = useLocale();
  const dismiss = useBureauReviewsStore((s) => s.dismiss);
  const focus = useBureauReviewsStore((s) => s.focus);
  const report = useReportError();
  const { feedback, version } = review;
  const items = useMemo(() => commentedItems(template, [review]), [template, review]);
  const date = formatDate(feedback.reviewedAt, locale);
  const returned = feedback.decision === 'returned';
  const titleId = `bureau-review-${review.sha256.slice(0, 12)}`;
  const canReopen =
    returned && version === 'current' && inspection.state === 'signed' && inspection.signoff;
  return (
    <section
      className={`bureau-review ${returned ? 'bureau-review-returned' : 'bureau-review-accepted'}`}
      aria-labelledby={titleId}
      data-testid="bureau-review"
    >
      <div className="bureau-review-head">
        <p id={titleId} className="bureau-review-title">
          <span className="bureau-review-decision">
            {t(`bureauReviews.decision.${feedback.decision}`)}
          </span>
          {t(returned ? 'bureauReviews.returned' : 'bureauReviews.accepted', {
            bureau: feedback.bureau.name,
            date,
          })}
        </p>
        <div className="bureau-review-actions">
          {canReopen && (
            <ReopenButton
              inspectionId={inspection.id}
              signer={inspection.signoff!.signer}
              label={t('bureauReviews.reopen')}
              initialReason={reopenReasonFor(
                t('bureauReviews.reopenPrefix'),
                feedback.comment,
                TEXT_LIMITS.reopenReason,
              )}
            />
          )}
          <button
            type="button"
            className="button button-quiet"
            aria-describedby={titleId}
            onClick={() => report(dismiss(inspection.id, review.sha256))}
          >
            {t('bureauReviews.dismiss')}
          </button>
        </div>
      </div>
      <p className="hint">{t('bureauReviews.reviewer', { name: feedback.reviewer })}</p>
      {feedback.comment.trim() !== '' && (
        <blockquote className="bureau-review-comment">{feedback.comment}</blockquote>
      )}
      <p className={version === 'current' ? 'hint' : 'notice-inline'}>
        {t(`bureauReviews.version.${version}`)}
      </p>
      {returned && version !== 'unknown' && inspection.state !== 'signed' && (
        <p className="hint">{t('bureauReviews.resubmit')}</p>
      )}
      {items.length > 0 && (
        <details className="bureau-review-items" open={items.length <= 8}>
          <summary>{t('bureauReviews.items', { count: items.length })}</summary>
          <ul>
            {items.map((item) => (
              <li key={item.itemId}>
                {item.sectionId !== null ? (
                  <a
                    href={sectionHref(item.sectionId)}
                    onClick={() => focus(item.itemId)}
                    aria-label={t('bureauReviews.goToItem', { number: item.number })}
                  >
                    {item.number}
                  </a>
                ) : (
                  <span className="hint">
                    {t('bureauReviews.notInChecklist', { id: item.itemId })}
                  </span>
                )}{' '}
                {item.prompt && <span className="bureau-review-prompt">{pick(item.prompt)}</span>}
                {item.comments.map((c, i) => (
                  <p key={i} className="bureau-review-item-comment">
                    {c.comment}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function Archived({ reviews }: { reviews: readonly BureauReview[] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <details className="bureau-review-archived">
      <summary>{t('bureauReviews.archived', { count: reviews.length })}</summary>
      <ul>
        {reviews.map((r) => (
          <li key={r.sha256}>
            {t('bureauReviews.archivedEntry', {
              decision: t(`bureauReviews.decision.${r.feedback.decision}`),
              bureau: r.feedback.bureau.name,
              date: formatDate(r.feedback.reviewedAt, locale),
            })}
            {r.feedback.comment.trim() !== '' && (
              <span className="bureau-review-archived-comment">{r.feedback.comment}</span>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
