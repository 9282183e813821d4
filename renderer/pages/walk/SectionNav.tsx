import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../../shared/template/engine';
import type { Template } from '../../../shared/template/schema';
import { useInspectionLinks } from '../../lib/opened-workbook';
import { useLocale } from '../../i18n/use-locale';

interface Props {
  readonly template: Template;
  readonly evaluation: Evaluation;
  readonly inspectionId: string;
  readonly current: string;
}

/** The sections beside the items, each with how much of it is done and whether it has findings. */
export function SectionNav({ template, evaluation, inspectionId, current }: Props) {
  const { t } = useTranslation();
  const { pick } = useLocale();
  const links = useInspectionLinks();
  return (
    <nav className="section-nav" aria-label={t('walk.sections')}>
      <ol>
        {template.sections.map((section, index) => {
          const progress = evaluation.sections.find((s) => s.id === section.id);
          const findings = evaluation.findings.filter(
            (f) => f.sectionId === section.id && f.effect !== 'warning',
          ).length;
          const done = progress !== undefined && progress.answered === progress.applicable;
          return (
            <li key={section.id}>
              <a
                href={links.section(inspectionId, section.id)}
                aria-current={section.id === current ? 'page' : undefined}
                className={section.id === current ? 'current' : undefined}
              >
                <span className="section-title">
                  {index + 1}. {pick(section.title)}
                </span>
                <span className="section-meta">
                  {progress && (
                    <span className={done ? 'section-done' : undefined}>
                      {t('walk.sectionProgress', {
                        answered: progress.answered,
                        applicable: progress.applicable,
                      })}
                    </span>
                  )}
                  {findings > 0 && (
                    <span className="section-findings">
                      {t('walk.findings', { count: findings })}
                    </span>
                  )}
                </span>
                <progress max={1} value={progress?.ratio ?? 0} aria-hidden="true" />
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
