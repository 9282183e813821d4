import { createContext, useContext, useMemo } from 'react';
import type { InspectionView } from './routes';
import { inspectionHref, inspectionViewHref, workbookHref, workbookViewHref } from './routes';

/**
 * The key of the bureau workbook the views below show, read-only, instead of an inspection from
 * the data folder; null (the default) for an inspection. The walk-through, review, audit and
 * report pages are the same components either way: this tells them where their links go and
 * that nothing may be changed, signed, reopened or exported.
 */
export const OpenedWorkbookContext = createContext<string | null>(null);

export function useOpenedWorkbook(): string | null {
  return useContext(OpenedWorkbookContext);
}

/** Addresses of an inspection's sections and views, or of the opened workbook's. */
export interface InspectionLinks {
  section(inspectionId: string, sectionId?: string): string;
  view(inspectionId: string, view: InspectionView): string;
}

const INSPECTION_LINKS: InspectionLinks = { section: inspectionHref, view: inspectionViewHref };

export function useInspectionLinks(): InspectionLinks {
  const key = useOpenedWorkbook();
  return useMemo(
    () =>
      key === null
        ? INSPECTION_LINKS
        : {
            section: (_id: string, sectionId?: string) => workbookHref(key, sectionId),
            view: (_id: string, view: InspectionView) => workbookViewHref(key, view),
          },
    [key],
  );
}
