import { useTranslation } from 'react-i18next';
import type { District } from '../../../shared/bureau/merge';
import { periodLabel } from '../../../shared/inspection/period';
import { FilePickButton } from '../../components/FilePickButton';
import { useLocale } from '../../i18n/use-locale';
import { useReportError } from '../../lib/use-report-error';
import { useBureauStore } from '../../stores/bureau-store';
import { useFeedbackStore } from '../../stores/feedback-store';

/** Files sent twice for a school and term: which was kept instead, and why. */
export function Duplicates({ district }: { district: District }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  if (district.duplicates.length === 0) return null;
  return (
    <section className="card" aria-labelledby="bureau-duplicates">
      <h2 id="bureau-duplicates">
        {t('bureau.duplicates.title', { count: district.duplicates.length })}
      </h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('bureau.import.file')}</th>
            <th scope="col">{t('bureau.duplicates.school')}</th>
            <th scope="col">{t('bureau.import.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {district.duplicates.map((d) => (
            <tr key={d.sha256 + d.file}>
              <td className="bureau-file-name">{d.file}</td>
              <td>
                {d.schoolCode} · {pick(periodLabel(d.period))}
              </td>
              <td>{pick(d.reason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Files turned away (on reading, or drafts not allowed), with the reason in the user's language. */
export function Rejected({ district }: { district: District }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const clearRejected = useBureauStore((s) => s.clearRejected);
  const report = useReportError();
  if (district.rejected.length === 0) return null;
  return (
    <section className="card" aria-labelledby="bureau-rejected">
      <h2 id="bureau-rejected">
        {t('bureau.rejected.title', { count: district.rejected.length })}
      </h2>
      <p className="hint">{t('bureau.rejected.hint')}</p>
      <div
        className="table-scroll bureau-import-list"
        tabIndex={0}
        role="region"
        aria-label={t('bureau.rejected.listLabel')}
      >
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('bureau.import.file')}</th>
              <th scope="col">{t('bureau.import.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {district.rejected.map((r, index) => (
              <tr key={index}>
                <td className="bureau-file-name">{r.file}</td>
                <td>{pick(r.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="button" onClick={() => report(clearRejected())}>
        {t('bureau.rejected.clear')}
      </button>
    </section>
  );
}

/** The bureau's list of schools (load, clear) and who on it has sent nothing. */
export function SchoolList({ district }: { district: District }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const list = useBureauStore((s) => s.state?.schools ?? null);
  const busy = useBureauStore((s) => s.busy === 'schools');
  const loadSchools = useBureauStore((s) => s.loadSchools);
  const clearSchools = useBureauStore((s) => s.clearSchools);
  const show = useFeedbackStore((s) => s.show);
  const report = useReportError();
  const load = (file: File) =>
    report(
      loadSchools(file).then(({ count, problems }) => {
        const first = problems[0];
        const more = first
          ? t('bureau.schoolList.problem', { row: first.row, message: pick(first.message) })
          : '';
        show(
          count === 0
            ? { kind: 'error', text: t('bureau.schoolList.notLoaded') + more }
            : {
                kind: problems.length > 0 ? 'warning' : 'success',
                text: t('bureau.schoolList.loaded', { count, problems: problems.length }) + more,
              },
        );
      }),
    );
  return (
    <section className="card" aria-labelledby="bureau-missing">
      <h2 id="bureau-missing">{t('bureau.schoolList.title')}</h2>
      <p className="hint">
        {list === null
          ? t('bureau.schoolList.none')
          : t('bureau.schoolList.some', { count: list.length, missing: district.missing.length })}
      </p>
      <div className="toolbar">
        <FilePickButton
          label={t('bureau.schoolList.load')}
          accept=".xlsx,.csv"
          testId="bureau-school-list"
          busy={busy}
          onFile={load}
        />
        {list !== null && (
          <button type="button" className="button" onClick={() => report(clearSchools())}>
            {t('bureau.schoolList.clear')}
          </button>
        )}
      </div>
      {district.missing.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t('bureau.schoolList.missingCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bureau.schools.columns.district')}</th>
              <th scope="col">{t('bureau.schools.columns.school')}</th>
              <th scope="col">{t('bureau.schools.columns.stage')}</th>
            </tr>
          </thead>
          <tbody>
            {district.missing.map((s) => (
              <tr key={s.code}>
                <td>{s.district}</td>
                <td>
                  <span className="cell-title">{s.name}</span>
                  <span className="cell-id">{s.code}</span>
                </td>
                <td>{s.stage ? t(`profile.stages.${s.stage}`) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
