import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-locale';
import { useTemplatesStore } from '../../stores/templates-store';

/** What came of the last import: success, or every problem with where it is. */
export function ImportPanel() {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const outcome = useTemplatesStore((s) => s.lastImport);
  const dismiss = useTemplatesStore((s) => s.dismissImport);
  if (!outcome) return null;

  const close = (
    <button type="button" className="button button-quiet" onClick={dismiss}>
      {t('notices.dismiss')}
    </button>
  );
  if (outcome.kind === 'imported') {
    return (
      <div className="banner banner-success" role="status">
        <p>
          {t('templates.imported', {
            file: outcome.fileName,
            title: pick(outcome.template.title),
            version: outcome.template.version,
          })}
        </p>
        {close}
      </div>
    );
  }
  return (
    <div className="banner banner-error" role="alert">
      <div className="problems">
        <p className="problems-title">
          {outcome.kind === 'too-large'
            ? t('templates.tooLarge', {
                file: outcome.fileName,
                size: (outcome.size / 1024 / 1024).toFixed(1),
              })
            : t('templates.invalid', { file: outcome.fileName, count: outcome.problems.length })}
        </p>
        {outcome.kind === 'invalid' && (
          <ol className="problem-list">
            {outcome.problems.map((problem, index) => (
              <li key={index}>
                <code>{problem.path}</code> {pick(problem.message)}
              </li>
            ))}
          </ol>
        )}
      </div>
      {close}
    </div>
  );
}
