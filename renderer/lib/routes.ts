import { useSyncExternalStore } from 'react';

export const ROUTES = ['inspections', 'actions', 'bureau', 'templates', 'settings'] as const;
export type Route = (typeof ROUTES)[number];
export const DEFAULT_ROUTE: Route = 'inspections';

/**
 * The pages a bureau's copy (区教育局) does not show: it fills in no inspections and tracks no
 * actions of its own. It opens on 汇总 instead.
 */
export const SCHOOL_ONLY_ROUTES: readonly Route[] = ['inspections', 'actions'];

/** The pages in the navigation for a copy of this role (a school's when not chosen yet). */
export function routesFor(role: 'school' | 'bureau' | undefined): readonly Route[] {
  return role === 'bureau' ? ROUTES.filter((r) => !SCHOOL_ONLY_ROUTES.includes(r)) : ROUTES;
}

/**
 * The views of one open inspection besides its walk-through (its content review, 网站内容审查,
 * is the school's own: an opened workbook has none). In the address they are written
 * `@review`, a segment no section id can be (ids have no "@"), so a template may name a section
 * anything.
 */
export const INSPECTION_VIEWS = ['review', 'report', 'audit', 'content-review'] as const;
export type InspectionView = (typeof INSPECTION_VIEWS)[number];

/**
 * Where the window is: a page, and for an open inspection its id and section or view. An opened
 * bureau workbook (`#/workbooks/<key>/…`, read-only) has its key instead of an id, and shows on
 * the inspections page, where it was opened.
 */
export interface Location {
  readonly route: Route;
  readonly inspectionId?: string;
  readonly workbookKey?: string;
  readonly sectionId?: string;
  readonly view?: InspectionView;
  /** On 汇总 (bureau mode): the submission under review, by its file's sha256. */
  readonly submission?: string;
}

const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;
const SHA256 = /^[0-9a-f]{64}$/;

export function locationFromHash(hash: string): Location {
  const [name = '', id, section] = hash.replace(/^#\/?/, '').split('/');
  const workbook = name === WORKBOOKS;
  const route = workbook
    ? 'inspections'
    : (ROUTES as readonly string[]).includes(name)
      ? (name as Route)
      : DEFAULT_ROUTE;
  if (route === 'bureau' && id !== undefined && SHA256.test(id)) return { route, submission: id };
  if ((route !== 'inspections' && !workbook) || id === undefined || !SEGMENT.test(id))
    return { route };
  const which = workbook ? { route, workbookKey: id } : { route, inspectionId: id };
  const view = section?.startsWith('@') ? section.slice(1) : undefined;
  if (view !== undefined && (INSPECTION_VIEWS as readonly string[]).includes(view))
    return { ...which, view: view as InspectionView };
  return section !== undefined && SEGMENT.test(section) ? { ...which, sectionId: section } : which;
}

export function routeFromHash(hash: string): Route {
  return locationFromHash(hash).route;
}

export function hrefOf(route: Route): string {
  return `#/${route}`;
}

export function inspectionHref(id: string, sectionId?: string): string {
  return sectionId === undefined ? `#/inspections/${id}` : `#/inspections/${id}/${sectionId}`;
}

/** One of an inspection's views: its review (审阅), its printable report, its audit trail. */
export function inspectionViewHref(id: string, view: InspectionView): string {
  return `#/inspections/${id}/@${view}`;
}

/** The review of one submission on 汇总 (bureau mode), by its file's sha256. */
export function bureauSubmissionHref(sha256: string): string {
  return `#/bureau/${sha256}`;
}

/** The first segment of an opened workbook's address; not a page of its own. */
const WORKBOOKS = 'workbooks';

/** An opened workbook's walk-through (read-only), at a section or its first. */
export function workbookHref(key: string, sectionId?: string): string {
  return sectionId === undefined ? `#/${WORKBOOKS}/${key}` : `#/${WORKBOOKS}/${key}/${sectionId}`;
}

/** One of an opened workbook's views, as `inspectionViewHref` is for an inspection. */
export function workbookViewHref(key: string, view: InspectionView): string {
  return `#/${WORKBOOKS}/${key}/@${view}`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The page shown, kept in the address's hash so a reload stays on it. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => routeFromHash(window.location.hash));
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
