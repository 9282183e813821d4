import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { commentsOn } from '../../../shared/bureau/review-rules';
import { useLocale } from '../../i18n/use-locale';
import { formatDate } from '../../lib/format';
import { useBureauReviewsStore, useShownReviews } from '../../stores/bureau-reviews-store';

interface Props {
  readonly inspectionId: string;
  readonly itemId: string;
}

/**
 * The bureau's comments on one item, beside it in the walk-through: labelled 教育局意见, with
 * the bureau's name and date, and whether it was about an earlier signed version. Brings itself
 * into view when the user chose this item from the banner's list.
 */
export function BureauItemComments({ inspectionId, itemId }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const shown = useShownReviews(inspectionId);
  const comments = useMemo(() => commentsOn(itemId, shown), [itemId, shown]);
  const focusItem = useBureauReviewsStore((s) => s.focusItem);
  const focus = useBureauReviewsStore((s) => s.focus);
  const ref = useRef<HTMLElement>(null);
  const wanted = focusItem === itemId && comments.length > 0;
  useEffect(() => {
    if (!wanted) return;
    // A new section first puts the keyboard on its heading, in its first frame: this comes after.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        ref.current?.scrollIntoView({ block: 'center' });
        ref.current?.focus({ preventScroll: true });
        focus(null);
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [wanted, focus]);
  if (comments.length === 0) return null;
  const labelId = `bureau-comment-${itemId}`;
  return (
    <aside
      ref={ref}
      className="bureau-comment"
      aria-labelledby={labelId}
      tabIndex={-1}
      data-testid={`bureau-comment-${itemId}`}
    >
      <p id={labelId} className="bureau-comment-label">
        {t('bureauReviews.itemLabel')}
      </p>
      {comments.map(({ comment, review }, i) => (
        <div key={`${review.sha256}-${i}`} className="bureau-comment-entry">
          <p className="bureau-comment-meta">
            {t('bureauReviews.itemMeta', {
              bureau: review.feedback.bureau.name,
              date: formatDate(review.feedback.reviewedAt, locale),
            })}
            {review.version === 'earlier' && (
              <span className="bureau-comment-earlier">{t('bureauReviews.earlierShort')}</span>
            )}
          </p>
          <p className="bureau-comment-text">{comment}</p>
        </div>
      ))}
    </aside>
  );
}
