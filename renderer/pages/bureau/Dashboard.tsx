import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DistrictFigures, SchoolFilter } from '../../../shared/bureau/dashboard';
import {
  districtFigures,
  filterOptions,
  filterSchools,
  NO_FILTER,
} from '../../../shared/bureau/dashboard';
import type { Locale } from '../../../shared/i18n/locale';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/use-locale';
import { formatPercent } from '../../lib/format';
import { useReportError } from '../../lib/use-report-error';
import { useAppStore } from '../../stores/app-store';
import { useBureauStore } from '../../stores/bureau-store';
import { Duplicates, Rejected, SchoolList } from './FileLists';
import { ImportPanel } from './ImportPanel';
import { ItemMatrix } from './ItemMatrix';
import { SchoolFilters, SchoolTable } from './SchoolTable';
import { useAnnounceSave } from './use-announce-save';

/** 汇总: import what schools sent, then the district as the merge sees it. */
export function Dashboard() {
  const { t } = useTranslation();
  const bureau = useAppStore((s) => s.settings?.bureau);
  const state = useBureauStore((s) => s.state);
  const district = useBureauStore((s) => s.district);
  const loadError = useBureauStore((s) => s.loadError);
  const allowDrafts = useBureauStore((s) => s.allowDrafts);
  const setAllowDrafts = useBureauStore((s) => s.setAllowDrafts);
  const [filter, setFilter] = useState<SchoolFilter>(NO_FILTER);
  const title = t('pages.bureau.title');
  const lead = bureau
    ? t('bureau.lead', { name: bureau.name, district: bureau.district })
    : t('pages.bureau.lead');
  if (!state || !district)
    return (
      <>
        <PageHeader title={title} lead={lead} />
        <p className={loadError ? 'status-error' : 'hint'} role={loadError ? 'alert' : undefined}>
          {loadError ?? t('app.loading')}
        </p>
      </>
    );
  const schools = filterSchools(district.schools, state.reviews, filter);
  const options = filterOptions(district.schools);
  return (
    <>
      <PageHeader title={title} lead={lead} />
      <ImportPanel />
      <section className="card" aria-labelledby="bureau-district">
        <h2 id="bureau-district">{t('bureau.district.title')}</h2>
        <div className="toolbar">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={allowDrafts}
              onChange={(e) => setAllowDrafts(e.target.checked)}
            />
            <span>{t('bureau.district.allowDrafts')}</span>
          </label>
          <SummaryExport />
        </div>
        {district.schools.length === 0 ? (
          <p className="hint">{t('bureau.district.empty')}</p>
        ) : (
          <>
            <SchoolFilters
              filter={filter}
              onFilter={setFilter}
              districts={options.districts}
              stages={options.stages}
            />
            <Figures figures={districtFigures(schools, state.reviews)} />
            <h3>{t('bureau.schools.title')}</h3>
            {schools.length === 0 ? (
              <p className="hint">{t('bureau.filters.nothing')}</p>
            ) : (
              <SchoolTable schools={schools} reviews={state.reviews} />
            )}
          </>
        )}
      </section>
      {schools.length > 0 && <ItemMatrix items={district.items} schools={schools} />}
      <Duplicates district={district} />
      <Rejected district={district} />
      <SchoolList district={district} />
    </>
  );
}

function Figures({ figures }: { figures: DistrictFigures }) {
  const { t } = useTranslation();
  const shown: [
    Exclude<keyof DistrictFigures, 'reviews'> | keyof DistrictFigures['reviews'],
    string | number,
  ][] = [
    ['schools', figures.schools],
    ['averageRate', formatPercent(figures.averageRate)],
    ['withNonCompliant', figures.withNonCompliant],
    ['openActions', figures.openActions],
    ['overdueActions', figures.overdueActions],
    ['pending', figures.reviews.pending],
    ['accepted', figures.reviews.accepted],
    ['returned', figures.reviews.returned],
    ['keyChanges', figures.keyChanges],
  ];
  return (
    <dl className="bureau-figures">
      {shown.map(([key, value]) => (
        <div key={key} className="bureau-figure">
          <dt>{t(`bureau.figures.${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** 导出全区汇总表, in a chosen language. */
function SummaryExport() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [language, setLanguage] = useState<Locale>(locale);
  const busy = useBureauStore((s) => s.busy === 'summary');
  const exportSummary = useBureauStore((s) => s.exportSummary);
  const announce = useAnnounceSave();
  const report = useReportError();
  return (
    <div className="bureau-export" role="group" aria-label={t('bureau.export.label')}>
      <span className="tool-label" aria-hidden="true">
        {t('export.language')}
      </span>
      <LanguageSwitch
        name="bureau-export-language"
        label={t('export.language')}
        value={language}
        onChange={setLanguage}
      />
      <button
        type="button"
        className="button"
        aria-busy={busy || undefined}
        disabled={busy}
        onClick={() => report(exportSummary(language).then(announce))}
      >
        {busy ? t('export.working') : t('bureau.export.button')}
      </button>
    </div>
  );
}
