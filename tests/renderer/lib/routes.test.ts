import { describe, expect, it } from 'vitest';
import {
  bureauSubmissionHref,
  inspectionHref,
  inspectionViewHref,
  locationFromHash,
  ROUTES,
  routesFor,
  workbookHref,
  workbookViewHref,
} from '../../../renderer/lib/routes';

const ID = '0b9d2f4e-6a61-4c1a-9a5e-1f0e8c7d6b5a';

describe('locationFromHash', () => {
  it('reads a page, an inspection, one of its sections, and one of its views', () => {
    expect(locationFromHash('#/actions')).toEqual({ route: 'actions' });
    expect(locationFromHash(inspectionHref(ID))).toEqual({
      route: 'inspections',
      inspectionId: ID,
    });
    expect(locationFromHash(inspectionHref(ID, 'firewall'))).toEqual({
      route: 'inspections',
      inspectionId: ID,
      sectionId: 'firewall',
    });
    for (const view of ['review', 'report', 'audit'] as const) {
      expect(locationFromHash(inspectionViewHref(ID, view))).toEqual({
        route: 'inspections',
        inspectionId: ID,
        view,
      });
    }
  });

  it('takes a section named like a view for a section: only "@" makes a view', () => {
    expect(locationFromHash(`#/inspections/${ID}/review`)).toEqual({
      route: 'inspections',
      inspectionId: ID,
      sectionId: 'review',
    });
  });

  it('opens the walk-through for an unknown view, and the list for a bad id', () => {
    expect(locationFromHash(`#/inspections/${ID}/@nothing`)).toEqual({
      route: 'inspections',
      inspectionId: ID,
    });
    expect(locationFromHash('#/inspections/../@review')).toEqual({ route: 'inspections' });
    expect(locationFromHash('#/nowhere')).toEqual({ route: 'inspections' });
  });

  it('reads an opened workbook, its sections and views, on the inspections page', () => {
    const KEY = '5b0a7c4e-2a61-4c1a-9a5e-1f0e8c7d6b5a';
    expect(locationFromHash(workbookHref(KEY))).toEqual({ route: 'inspections', workbookKey: KEY });
    expect(locationFromHash(workbookHref(KEY, 'firewall'))).toEqual({
      route: 'inspections',
      workbookKey: KEY,
      sectionId: 'firewall',
    });
    for (const view of ['review', 'report', 'audit'] as const) {
      expect(locationFromHash(workbookViewHref(KEY, view))).toEqual({
        route: 'inspections',
        workbookKey: KEY,
        view,
      });
    }
    expect(locationFromHash('#/workbooks/../@review')).toEqual({ route: 'inspections' });
    expect(locationFromHash('#/workbooks')).toEqual({ route: 'inspections' });
  });

  it('reads the review of a bureau submission by its sha256, and nothing else under 汇总', () => {
    const SHA = 'ab'.repeat(32);
    expect(locationFromHash(bureauSubmissionHref(SHA))).toEqual({
      route: 'bureau',
      submission: SHA,
    });
    expect(locationFromHash('#/bureau/AB' + 'c'.repeat(62))).toEqual({ route: 'bureau' });
    expect(locationFromHash('#/bureau/1234')).toEqual({ route: 'bureau' });
    expect(locationFromHash('#/bureau')).toEqual({ route: 'bureau' });
  });

  it('leaves 检查 and 整改 out of a bureau copy, and keeps every page for a school', () => {
    expect(routesFor('bureau')).toEqual(['bureau', 'templates', 'settings']);
    expect(routesFor('school')).toEqual(ROUTES);
    expect(routesFor(undefined)).toEqual(ROUTES);
  });
});
