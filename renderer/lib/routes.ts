import { useSyncExternalStore } from 'react';

export const ROUTES = ['inspections', 'actions', 'bureau', 'templates', 'settings'] as const;
export type Route = (typeof ROUTES)[number];
export const DEFAULT_ROUTE: Route = 'inspections';

/** Where the window is: a page, and for an open inspection its id and section. */
export interface Location {
  readonly route: Route;
  readonly inspectionId?: string;
  readonly sectionId?: string;
}

const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

export function locationFromHash(hash: string): Location {
  const [name = '', id, section] = hash.replace(/^#\/?/, '').split('/');
  const route = (ROUTES as readonly string[]).includes(name) ? (name as Route) : DEFAULT_ROUTE;
  if (route !== 'inspections' || id === undefined || !SEGMENT.test(id)) return { route };
  return section !== undefined && SEGMENT.test(section)
    ? { route, inspectionId: id, sectionId: section }
    : { route, inspectionId: id };
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
