import type { UseFormRegisterReturn } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ReviewState } from '../../../shared/bureau/dashboard';
import { REVIEW_COMMENT_MAX, reviewProblem } from '../../../shared/bureau/dashboard';
import type { ItemComment } from '../../../shared/bureau/feedback';
import type { Review } from '../../../shared/bureau/store-index';
import type {
  Submission,
  SubmissionItemStatus,
  SubmissionTemplate,
} from '../../../shared/bureau/submission';
import { FieldMessage, FormField } from '../../components/FormField';
import { useLocale } from '../../i18n/use-locale';
import type { ReviewInput } from '../../stores/bureau-store';

export interface ReviewValues {
  readonly comment: string;
  /** One comment per item of the submission's checklist, in its order ('' for none). */
  readonly items: string[];
  readonly reviewer: string;
}

interface Props {
  readonly submission: Submission;
  readonly template: SubmissionTemplate;
  readonly review: Review | undefined;
  /** The reviewer's name the form starts with when this submission has no review yet. */
  readonly reviewer: string;
  readonly onSave: (input: ReviewInput) => Promise<void>;
}

/**
 * The review of one submission: every item of its checklist with its status and a comment box
 * beside it, an overall comment, the reviewer, and 通过 / 退回. A return needs a comment,
 * overall or on an item, so the school knows what to fix.
 */
export function ReviewForm({ submission, template, review, reviewer, onSave }: Props) {
  const { t } = useTranslation();
  const byItem = new Map((review?.items ?? []).map((c) => [c.itemId, c.comment]));
  const {
    register,
    handleSubmit,
    getValues,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReviewValues>({
    defaultValues: {
      comment: review?.comment ?? '',
      items: template.items.map((i) => byItem.get(i.id) ?? ''),
      reviewer: review?.reviewer ?? reviewer,
    },
  });
  const commentsOf = (values: ReviewValues): ItemComment[] =>
    template.items.flatMap((item, index) => {
      const comment = (values.items[index] ?? '').trim();
      return comment === '' ? [] : [{ itemId: item.id, comment }];
    });
  // A return without any comment is refused first, whatever else the form still lacks.
  const decide = (decision: ReviewState) => (event: React.BaseSyntheticEvent) => {
    const values = getValues();
    const problem = reviewProblem({ decision, comment: values.comment, items: commentsOf(values) });
    if (problem !== null) {
      setError('comment', { message: t('bureau.review.needsComment') }, { shouldFocus: true });
      return;
    }
    void handleSubmit(async (valid) => {
      const comment = valid.comment.trim();
      await onSave({
        decision,
        comment,
        items: commentsOf(valid),
        reviewer: valid.reviewer.trim(),
      });
    })(event);
  };
  const max = {
    value: REVIEW_COMMENT_MAX,
    message: t('form.maxLength', { n: REVIEW_COMMENT_MAX }),
  };

  return (
    <form className="review-form" noValidate onSubmit={(e) => e.preventDefault()}>
      <section className="card" aria-labelledby="bureau-review-items">
        <h2 id="bureau-review-items">{t('bureau.review.itemsTitle')}</h2>
        <p className="hint">{t('bureau.review.itemsHint')}</p>
        <table className="data-table review-items">
          <thead>
            <tr>
              <th scope="col">{t('bureau.review.item')}</th>
              <th scope="col">{t('bureau.review.status')}</th>
              <th scope="col">{t('bureau.review.itemComment')}</th>
            </tr>
          </thead>
          <tbody>
            {template.items.map((item, index) => (
              <ItemRow
                key={item.id}
                item={item}
                index={index}
                status={submission.items[item.id] ?? 'unanswered'}
                first={item.sectionId !== template.items[index - 1]?.sectionId}
                field={register(`items.${index}`, { maxLength: max })}
                error={errors.items?.[index]?.message}
              />
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="bureau-review-decision">
        <h2 id="bureau-review-decision">{t('bureau.review.decisionTitle')}</h2>
        <div className="form-grid">
          <FormField
            label={t('bureau.review.comment')}
            wide
            hint={t('bureau.review.commentHint')}
            error={errors.comment?.message}
            errorId="review-comment-error"
          >
            <textarea
              rows={3}
              aria-invalid={errors.comment ? true : undefined}
              aria-describedby={errors.comment ? 'review-comment-error' : undefined}
              {...register('comment', { maxLength: max })}
            />
          </FormField>
          <FormField
            label={t('bureau.review.reviewer')}
            required
            error={errors.reviewer?.message}
            errorId="review-reviewer-error"
          >
            <input
              aria-invalid={errors.reviewer ? true : undefined}
              aria-describedby={errors.reviewer ? 'review-reviewer-error' : undefined}
              {...register('reviewer', {
                validate: (v) => v.trim().length > 0 || t('form.required'),
                maxLength: { value: 50, message: t('form.maxLength', { n: 50 }) },
              })}
            />
          </FormField>
        </div>
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={isSubmitting}
            onClick={decide('accepted')}
          >
            {t('bureau.review.accept')}
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={isSubmitting}
            onClick={decide('returned')}
          >
            {t('bureau.review.return')}
          </button>
        </div>
      </section>
    </form>
  );
}

interface ItemRowProps {
  readonly item: SubmissionTemplate['items'][number];
  readonly index: number;
  readonly status: SubmissionItemStatus;
  /** The first item of its section: the section's heading row goes before it. */
  readonly first: boolean;
  readonly field: UseFormRegisterReturn;
  readonly error: string | undefined;
}

/** An item, what the school answered, and the bureau's comment box beside it. */
function ItemRow({ item, index, status, first, field, error }: ItemRowProps) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const id = `review-item-${index}`;
  return (
    <>
      {first && (
        <tr className="review-section">
          <th scope="colgroup" colSpan={3}>
            {pick(item.section)}
          </th>
        </tr>
      )}
      <tr>
        <th scope="row" id={`${id}-label`} className="review-item-prompt">
          <span className="cell-id">{item.id}</span>
          {pick(item.prompt)}
        </th>
        <td>
          <span className={`tag status-tag status-${status}`}>
            {t(`bureau.matrix.status.${status}`)}
          </span>
        </td>
        <td>
          <textarea
            rows={1}
            aria-labelledby={`${id}-label`}
            aria-describedby={error ? `${id}-error` : undefined}
            aria-invalid={error ? true : undefined}
            {...field}
          />
          {error && <FieldMessage error={error} id={`${id}-error`} />}
        </td>
      </tr>
    </>
  );
}
