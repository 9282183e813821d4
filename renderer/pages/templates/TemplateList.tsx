import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../shared/template/summary';
import { useLocale } from '../../i18n/use-locale';
import { useReportError } from '../../lib/use-report-error';
import { useTemplatesStore } from '../../stores/templates-store';

export function TemplateList({ summaries }: { summaries: readonly TemplateSummary[] }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const view = useTemplatesStore((s) => s.view);
  const exportTemplate = useTemplatesStore((s) => s.exportTemplate);
  const setDefault = useTemplatesStore((s) => s.setDefault);
  const guard = useReportError();

  return (
    <section className="card" aria-labelledby="templates-installed">
      <h2 id="templates-installed">{t('templates.installed')}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('templates.columns.title')}</th>
            <th scope="col">{t('templates.columns.version')}</th>
            <th scope="col">{t('templates.columns.issuer')}</th>
            <th scope="col">{t('templates.columns.items')}</th>
            <th scope="col">{t('templates.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {summaries.map((s) => {
            const ref = { id: s.id, version: s.version };
            return (
              <tr key={`${s.id}@${s.version}`}>
                <td>
                  <span className="cell-title">{pick(s.title)}</span>
                  <code className="cell-id">{s.id}</code>
                  {s.builtIn && <span className="tag">{t('templates.builtIn')}</span>}
                  {s.isDefault && <span className="tag tag-accent">{t('templates.default')}</span>}
                </td>
                <td>{s.version}</td>
                <td>{pick(s.issuer)}</td>
                <td>{t('templates.itemCount', { sections: s.sections, items: s.items })}</td>
                <td className="actions">
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => guard(view(ref))}
                  >
                    {t('templates.view')}
                  </button>
                  {!s.isDefault && (
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => guard(setDefault(ref))}
                    >
                      {t('templates.makeDefault')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => guard(exportTemplate(ref, 'xlsx'))}
                  >
                    {t('templates.exportXlsx')}
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => guard(exportTemplate(ref, 'json'))}
                  >
                    {t('templates.exportJson')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
