import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../shared/template/summary';
import { RowActions } from '../../components/RowActions';
import { TableHead } from '../../components/TableHead';
import { useLocale } from '../../i18n/use-locale';
import { useReportError } from '../../lib/use-report-error';
import { useTemplatesStore } from '../../stores/templates-store';

const COLUMNS = ['title', 'version', 'issuer', 'items', 'actions'] as const;

export function TemplateList({ summaries }: { summaries: readonly TemplateSummary[] }) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const view = useTemplatesStore((s) => s.view);
  const exportTemplate = useTemplatesStore((s) => s.exportTemplate);
  const setDefault = useTemplatesStore((s) => s.setDefault);
  const openCompare = useTemplatesStore((s) => s.openCompare);
  const versionsOf = (id: string) => summaries.filter((s) => s.id === id).length;
  const guard = useReportError();

  return (
    <section className="card" aria-labelledby="templates-installed">
      <h2 id="templates-installed">{t('templates.installed')}</h2>
      <table className="data-table">
        <TableHead columns={COLUMNS.map((column) => t(`templates.columns.${column}`))} />
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
                <RowActions
                  className="actions"
                  tone="quiet"
                  actions={[
                    { label: t('templates.view'), onClick: () => guard(view(ref)) },
                    ...(versionsOf(s.id) > 1
                      ? [{ label: t('templates.compare'), onClick: () => guard(openCompare(ref)) }]
                      : []),
                    ...(s.isDefault
                      ? []
                      : [
                          {
                            label: t('templates.makeDefault'),
                            onClick: () => guard(setDefault(ref)),
                          },
                        ]),
                    {
                      label: t('templates.exportXlsx'),
                      onClick: () => guard(exportTemplate(ref, 'xlsx')),
                    },
                    {
                      label: t('templates.exportJson'),
                      onClick: () => guard(exportTemplate(ref, 'json')),
                    },
                  ]}
                />
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
