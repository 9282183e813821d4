import type {
  ActionOverview,
  InspectionActions,
  OverviewAction,
  OverviewFlaggedRow,
} from './action-overview';

/**
 * What the 整改 page shows of an ActionOverview: filtered, ordered, counted. Pure and free of
 * zod and the template engine, so the renderer runs it as the filters change.
 */

export const ACTION_STATE_FILTERS = ['open', 'done', 'all'] as const;
export type ActionStateFilter = (typeof ACTION_STATE_FILTERS)[number];

export interface ActionFilter {
  /** One inspection's id, or '' for all of them. */
  readonly inspectionId: string;
  readonly state: ActionStateFilter;
  readonly overdueOnly: boolean;
  /** Part of the owner's name, any case; '' for anyone. */
  readonly owner: string;
}

export const NO_FILTER: ActionFilter = {
  inspectionId: '',
  state: 'all',
  overdueOnly: false,
  owner: '',
};

export interface ListedAction {
  readonly entry: OverviewAction;
  readonly inspection: InspectionActions;
}

export interface ListedFlaggedRow {
  readonly flag: OverviewFlaggedRow;
  readonly inspection: InspectionActions;
}

export interface ActionCounts {
  readonly total: number;
  readonly open: number;
  readonly overdue: number;
  readonly done: number;
}

export interface ActionListing {
  /**
   * Overdue first (the longest overdue on top), then open by due date, then done, latest first;
   * last, those carried over to a later term (followed up there).
   */
  readonly actions: readonly ListedAction[];
  /**
   * Of the actions the inspection and owner filters let through, whatever their state, but for
   * those carried over to a later term (counted there).
   */
  readonly counts: ActionCounts;
  /** Flagged rows without an action, of the inspections the filter lets through. */
  readonly flagged: readonly ListedFlaggedRow[];
}

/** A signed inspection cannot change until it is reopened: its actions are shown, not edited. */
export function isLocked(inspection: Pick<InspectionActions, 'state'>): boolean {
  return inspection.state === 'signed';
}

export function ownerMatches(owner: string, query: string): boolean {
  const wanted = query.trim().toLocaleLowerCase();
  return wanted === '' || owner.toLocaleLowerCase().includes(wanted);
}

export function listActions(overview: ActionOverview, filter: ActionFilter): ActionListing {
  const inspections = overview.inspections.filter(
    (i) => filter.inspectionId === '' || i.id === filter.inspectionId,
  );
  const candidates = inspections.flatMap((inspection) =>
    inspection.actions
      .filter((entry) => ownerMatches(entry.action.owner, filter.owner))
      .map((entry): ListedAction => ({ entry, inspection })),
  );
  // An action carried over to a later term is counted there, once, not in every term it passed.
  const counted = candidates.filter((c) => c.entry.carriedTo === null);
  const counts: ActionCounts = {
    total: counted.length,
    open: counted.filter((c) => c.entry.action.state === 'open').length,
    overdue: counted.filter((c) => c.entry.overdue).length,
    done: counted.filter((c) => c.entry.action.state === 'done').length,
  };
  const actions = candidates
    .filter(
      ({ entry }) =>
        (filter.state === 'all' || entry.action.state === filter.state) &&
        (!filter.overdueOnly || entry.overdue),
    )
    .sort((a, b) => compareActions(a.entry, b.entry));
  const flagged = inspections.flatMap((inspection) =>
    inspection.flaggedRows.map((flag): ListedFlaggedRow => ({ flag, inspection })),
  );
  return { actions, counts, flagged };
}

const rank = (entry: OverviewAction) =>
  entry.carriedTo !== null ? 3 : entry.overdue ? 0 : entry.action.state === 'open' ? 1 : 2;

/** The order of the list; equal ones keep the order they were opened in (the sort is stable). */
export function compareActions(a: OverviewAction, b: OverviewAction): number {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (a.action.state === 'open') return a.action.due.localeCompare(b.action.due);
  const finished = (e: OverviewAction) => e.action.doneOn ?? e.action.doneAt?.slice(0, 10) ?? '';
  return finished(b).localeCompare(finished(a));
}
