import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { overdueActions } from '../../../shared/bureau/merge';
import type { Review } from '../../../shared/bureau/store-index';
import type { Locale } from '../../../shared/i18n/locale';
import { periodLabel } from '../../../shared/inspection/period';
import type { BureauState } from '../../../shared/ipc/bureau';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useLocale } from '../../i18n/use-locale';
import { formatDateTime, formatPercent } from '../../lib/format';
import { localToday } from '../../lib/local-today';
import { hrefOf } from '../../lib/routes';
import { useReportError } from '../../lib/use-report-error';
import { useBureauStore } from '../../stores/bureau-store';
import { useFeedbackStore } from '../../stores/feedback-store';
import { RemoveSubmission } from './RemoveSubmission';
import { ReviewForm } from './ReviewForm';
import { useAnnounceSave } from './use-announce-save';

/** The latest reviewer's name, to start a new review with. */
function lastReviewer(reviews: BureauState['reviews']): string {
  const all = Object.values(reviews).sort((a, b) => (a.reviewedAt < b.reviewedAt ? 1 : -1));
  return all[0]?.reviewer ?? '';
}

/** 审阅 one submission (`#/bureau/<sha256>`): its figures, findings, open actions and review. */
export function SubmissionReview({ sha256 }: { sha256: string }) {
  const { t } = useTranslation();
  const { pick, locale } = useLocale();
  const state = useBureauStore((s) => s.state);
  const saveReview = useBureauStore((s) => s.review);
  const show = useFeedbackStore((s) => s.show);
  if (!state) return <p className="hint">{t('app.loading')}</p>;
  const stored = state.submissions.find((s) => s.sha256 === sha256);
  const template =
    stored && state.templates.find((x) => x.hash === stored.submission.template.hash);
  if (!stored || !template)
    return (
      <>
        <a className="back-link" href={hrefOf('bureau')}>
          {t('bureau.review.back')}
        </a>
        <p className="status-error" role="alert">
          {t('bureau.review.notFound')}
        </p>
      </>
    );
  const sub = stored.submission;
  const review = state.reviews[sha256];
  const overdue = new Set(overdueActions(sub, localToday()).map((a) => a.id));
  const open = sub.actions.filter((a) => a.state === 'open');
  const figures: [
    'compliant' | 'partial' | 'nonCompliant' | 'na' | 'unanswered' | 'rate',
    string | number,
  ][] = [
    ['compliant', sub.counts.compliant],
    ['partial', sub.counts.partial],
    ['nonCompliant', sub.counts.nonCompliant],
    ['na', sub.counts.na],
    ['unanswered', sub.counts.unanswered],
    ['rate', formatPercent(sub.complianceRate)],
  ];
  return (
    <>
      <a className="back-link" href={hrefOf('bureau')}>
        {t('bureau.review.back')}
      </a>
      <header className="page-header">
        <h1>
          {sub.school.name} · {pick(periodLabel(sub.period))}
        </h1>
        <p className="lead">
          {t('bureau.review.lead', {
            code: sub.school.code,
            district: sub.school.district,
            stage: t(`profile.stages.${sub.school.stage}`),
            template: `${pick(template.title)} ${template.version}`,
          })}
        </p>
        <p>
          {sub.signed
            ? t('bureau.review.signed', {
                signer: sub.signer ?? '',
                at: sub.signedAt ? formatDateTime(sub.signedAt, locale) : '',
              })
            : t('bureau.review.unsigned')}{' '}
          <span className={`tag review-${review?.decision ?? 'pending'}`}>
            {t(`bureau.review.states.${review?.decision ?? 'pending'}`)}
          </span>
        </p>
      </header>
      <dl className="bureau-figures">
        {figures.map(([key, value]) => (
          <div key={key} className="bureau-figure">
            <dt>{t(`bureau.schools.columns.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section className="card" aria-labelledby="bureau-review-findings">
        <h2 id="bureau-review-findings">
          {t('bureau.review.findings', { count: sub.findings.length })}
        </h2>
        {sub.findings.length === 0 ? (
          <p className="hint">{t('bureau.review.noFindings')}</p>
        ) : (
          <ul className="bureau-findings">
            {sub.findings.map((f, i) => {
              // The finding's own words can be as short as "self-assessment": say which item,
              // as the school's checklist asks it, and what the school answered.
              const prompt = template.items.find((item) => item.id === f.itemId)?.prompt;
              const status = sub.items[f.itemId];
              return (
                <li key={i}>
                  <span className="cell-id">{f.itemId}</span>
                  {prompt && <strong>{pick(prompt)}</strong>}{' '}
                  {status && (
                    <span className={`tag status-tag status-${status}`}>
                      {t(`bureau.matrix.status.${status}`)}
                    </span>
                  )}{' '}
                  {pick(f.message)}
                </li>
              );
            })}
          </ul>
        )}
        <h3>{t('bureau.review.openActions', { count: open.length })}</h3>
        {open.length === 0 ? (
          <p className="hint">{t('bureau.review.noActions')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('bureau.review.action')}</th>
                <th scope="col">{t('bureau.review.owner')}</th>
                <th scope="col">{t('bureau.review.due')}</th>
              </tr>
            </thead>
            <tbody>
              {open.map((a) => (
                <tr key={a.id}>
                  <td>
                    <span className="cell-id">{a.itemId}</span>
                    {a.description}
                  </td>
                  <td>{a.owner}</td>
                  <td>
                    {a.due}
                    {overdue.has(a.id) && (
                      <span className="tag tag-bad">{t('bureau.review.overdue')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ReviewForm
        key={`${sha256}/${review?.reviewedAt ?? ''}`}
        submission={sub}
        template={template}
        review={review}
        reviewer={lastReviewer(state.reviews)}
        onSave={async (input) => {
          await saveReview(sha256, input);
          show({ kind: 'success', text: t(`bureau.review.saved.${input.decision}`) });
        }}
      />
      <FeedbackSave sha256={sha256} review={review} signed={sub.signed} />
      <RemoveSubmission
        sha256={sha256}
        school={`${sub.school.name} · ${pick(periodLabel(sub.period))}`}
      />
    </>
  );
}

/** 保存意见文件: the feedback file of an accepted or returned submission, in a chosen language. */
function FeedbackSave({
  sha256,
  review,
  signed,
}: {
  sha256: string;
  review: Review | undefined;
  signed: boolean;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [language, setLanguage] = useState<Locale>(locale);
  const busy = useBureauStore((s) => s.busy === 'feedback');
  const saveFeedback = useBureauStore((s) => s.saveFeedback);
  const announce = useAnnounceSave();
  const report = useReportError();
  const decided = review !== undefined && review.decision !== 'pending';
  return (
    <section className="card" aria-labelledby="bureau-feedback">
      <h2 id="bureau-feedback">{t('bureau.feedback.title')}</h2>
      <p className="hint">
        {!signed
          ? t('bureau.feedback.draft')
          : !decided
            ? t('bureau.feedback.undecided')
            : review.feedbackSavedAt
              ? t('bureau.feedback.savedAt', { at: formatDateTime(review.feedbackSavedAt, locale) })
              : t('bureau.feedback.hint')}
      </p>
      {signed && decided && (
        <div className="toolbar">
          <span className="tool-label" aria-hidden="true">
            {t('export.language')}
          </span>
          <LanguageSwitch
            name="bureau-feedback-language"
            label={t('export.language')}
            value={language}
            onChange={setLanguage}
          />
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            aria-busy={busy || undefined}
            onClick={() => report(saveFeedback(sha256, language).then(announce))}
          >
            {t('bureau.feedback.save')}
          </button>
        </div>
      )}
    </section>
  );
}
