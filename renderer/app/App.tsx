import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/i18n/locale';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { NoticeBanner } from '../components/NoticeBanner';
import { Sidebar } from '../components/Sidebar';
import { StatusLine } from '../components/StatusLine';
import { InspectionsPage } from '../pages/inspections/InspectionsPage';
import { FirstRunDialog } from '../pages/settings/FirstRunDialog';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { TemplatesPage } from '../pages/templates/TemplatesPage';
import { useAppStore } from '../stores/app-store';
import { flushOnLeave } from '../stores/walk-store';
import type { InspectionView, Route } from '../lib/routes';
import { hrefOf, locationFromHash, SCHOOL_ONLY_ROUTES, useHash, useRoute } from '../lib/routes';
import { useReportError } from '../lib/use-report-error';

// The walk-through is the heaviest screen: it loads when an inspection is opened, not at start.
const WalkPage = lazy(() =>
  import('../pages/walk/WalkPage').then((m) => ({ default: m.WalkPage })),
);
// The 整改 page loads when it is opened, with its own stylesheet.
const ActionsPage = lazy(() =>
  import('../pages/actions/ActionsPage').then((m) => ({ default: m.ActionsPage })),
);
const ReviewPage = lazy(() =>
  import('../pages/review/ReviewPage').then((m) => ({ default: m.ReviewPage })),
);
const AuditPage = lazy(() =>
  import('../pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })),
);
// The printable report, with its own stylesheet.
const ReportPage = lazy(() =>
  import('../pages/report/ReportPage').then((m) => ({ default: m.ReportPage })),
);
// 网站内容审查 (content review), with its own stylesheet.
const ContentReviewPage = lazy(() =>
  import('../pages/content-review/ContentReviewPage').then((m) => ({
    default: m.ContentReviewPage,
  })),
);
// An opened bureau workbook: its verification over the same views, fed its copy, read-only.
const WorkbookFrame = lazy(() =>
  import('../pages/workbook/WorkbookFrame').then((m) => ({ default: m.WorkbookFrame })),
);
// 汇总 (bureau mode), with its own stylesheet.
const BureauPage = lazy(() =>
  import('../pages/bureau/BureauPage').then((m) => ({ default: m.BureauPage })),
);
const Walk = lazy(() => import('../pages/walk/WalkPage').then((m) => ({ default: m.Walk })));
const Review = lazy(() =>
  import('../pages/review/ReviewPage').then((m) => ({ default: m.Review })),
);
const AuditTrail = lazy(() =>
  import('../pages/audit/AuditPage').then((m) => ({ default: m.AuditTrail })),
);

/** The list of inspections, or the walk-through of the one the address names. */
function InspectionsRoute() {
  const { inspectionId, workbookKey, sectionId, view } = locationFromHash(useHash());
  const { t } = useTranslation();
  if (workbookKey !== undefined)
    return <WorkbookRoute workbookKey={workbookKey} sectionId={sectionId} view={view} />;
  if (inspectionId === undefined) return <InspectionsPage />;
  return (
    <Suspense fallback={<p className="hint">{t('app.loading')}</p>}>
      {view === 'review' ? (
        <ReviewPage id={inspectionId} />
      ) : view === 'audit' ? (
        <AuditPage id={inspectionId} />
      ) : view === 'report' ? (
        <ReportPage id={inspectionId} />
      ) : view === 'content-review' ? (
        <ContentReviewPage id={inspectionId} />
      ) : (
        <WalkPage id={inspectionId} sectionId={sectionId} />
      )}
    </Suspense>
  );
}

function WorkbookRoute({
  workbookKey,
  sectionId,
  view,
}: {
  workbookKey: string;
  sectionId: string | undefined;
  view: InspectionView | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="hint">{t('app.loading')}</p>}>
      <WorkbookFrame workbookKey={workbookKey}>
        {(inspection, template) =>
          view === 'review' ? (
            <Review inspection={inspection} template={template} />
          ) : view === 'audit' ? (
            <AuditTrail inspection={inspection} template={template} />
          ) : view === 'report' ? (
            <ReportPage id={workbookKey} />
          ) : (
            <Walk inspection={inspection} template={template} sectionId={sectionId} />
          )
        }
      </WorkbookFrame>
    </Suspense>
  );
}

function ActionsRoute() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="hint">{t('app.loading')}</p>}>
      <ActionsPage />
    </Suspense>
  );
}

function BureauRoute() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="hint">{t('app.loading')}</p>}>
      <BureauPage />
    </Suspense>
  );
}

function Page({ route }: { route: Route }) {
  if (route === 'settings') return <SettingsPage />;
  if (route === 'templates') return <TemplatesPage />;
  if (route === 'inspections') return <InspectionsRoute />;
  if (route === 'actions') return <ActionsRoute />;
  return <BureauRoute />;
}

/** A bureau's copy opens on 汇总, and the pages only schools use send it there. */
function useBureauLanding(role: string | undefined, route: Route): boolean {
  const away = role === 'bureau' && SCHOOL_ONLY_ROUTES.includes(route);
  useEffect(() => {
    if (away) window.location.replace(hrefOf('bureau'));
  }, [away]);
  return away;
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const info = useAppStore((s) => s.info);
  const settings = useAppStore((s) => s.settings);
  const dismissed = useAppStore((s) => s.dismissedNotices);
  const dismissNotices = useAppStore((s) => s.dismissNotices);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const report = useReportError();
  // Closing or reloading the window sends every queued edit at once, whatever page is open.
  useEffect(() => flushOnLeave(), []);
  // Settings from a newer app are read-only: asking for a profile that cannot be saved helps no one.
  const settingsReadOnly = info?.notices.some(
    (n) => n.kind === 'newer-version' && n.file === 'settings.json',
  );
  // First run: whose copy this is, then the school's profile or the bureau's name.
  const needsProfile =
    settings !== null &&
    !settingsReadOnly &&
    (settings.role === 'bureau' ? !settings.bureau : !settings.profile);
  const away = useBureauLanding(settings?.role, route);

  const chooseLanguage = (language: Locale) => {
    report(setLanguage(language));
  };

  return (
    <div className="shell">
      <Sidebar current={route} version={info?.version} role={settings?.role} />
      <div className="workspace">
        <header className="topbar">
          <span className="topbar-context">
            {info?.shell === 'browser' && <span className="pill">{t('app.browserMode')}</span>}
          </span>
          {settings && (
            <LanguageSwitch
              name="topbar-language"
              value={settings.language}
              onChange={chooseLanguage}
            />
          )}
        </header>
        {info && !dismissed && !needsProfile && (
          <NoticeBanner notices={info.notices} onDismiss={dismissNotices} />
        )}
        <main className="content" id="content">
          {!away && <Page route={route} />}
        </main>
        <StatusLine />
        {needsProfile && (
          <FirstRunDialog
            notices={dismissed ? [] : (info?.notices ?? [])}
            onDismissNotices={dismissNotices}
          />
        )}
      </div>
    </div>
  );
}
