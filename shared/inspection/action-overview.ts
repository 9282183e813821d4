import type { Bilingual } from '../i18n/locale';
import { own } from '../own';
import type { Item, Template } from '../template/schema';
import { reviewInspection } from './review';
import type { CorrectiveAction, Inspection, InspectionState, Period, RegisterRow } from './schema';
import { isOverdue } from './summary';

/** The checklist item an action or a flagged row is about. */
export interface OverviewItem {
  readonly itemId: string;
  /** Null when the inspection's template is not installed (or no longer has the item). */
  readonly prompt: Bilingual | null;
  readonly sectionId: string | null;
}

/** A register row, as a person finds it again: its number and a few words of what it holds. */
export interface OverviewRow {
  readonly rowId: string;
  /** 1-based, as the register shows it. */
  readonly number: number;
  /** The row's first filled-in text (a device, an account, an issue); '' in both when none. */
  readonly label: Bilingual;
}

export interface OverviewAction {
  readonly action: CorrectiveAction;
  readonly item: OverviewItem;
  /** The row it is against, when it names one that is still in the register. */
  readonly row: OverviewRow | null;
  /** Open and due before today (and not carried over: it is followed up where it went). */
  readonly overdue: boolean;
  /**
   * The same action (same id) is in a later term's inspection of the same school, started from
   * this one: it is followed up there, and counted there only.
   */
  readonly carriedTo: { readonly inspectionId: string; readonly period: Period } | null;
}

/** A register row a rule flags that no corrective action is against yet. */
export interface OverviewFlaggedRow {
  readonly item: OverviewItem;
  readonly row: OverviewRow;
  readonly effect: 'non-compliant' | 'partial';
  readonly messages: Bilingual[];
}

/** One inspection's corrective actions, with what the 整改 page shows of the inspection. */
export interface InspectionActions {
  readonly id: string;
  readonly school: string;
  readonly period: Period;
  readonly state: InspectionState;
  /** The template's title; null when the template it was filled against is not installed. */
  readonly templateTitle: Bilingual | null;
  readonly actions: OverviewAction[];
  readonly flaggedRows: OverviewFlaggedRow[];
}

/** Every corrective action of every inspection given, as of `today`. */
export interface ActionOverview {
  readonly today: string;
  readonly inspections: InspectionActions[];
}

/** An inspection with its pinned template, or null when that template is not installed. */
export interface OverviewSource {
  readonly inspection: Inspection;
  readonly template: Template | null;
}

const LABEL_LENGTH = 40;

/**
 * What the 整改 page lists: for each inspection, its actions with the item (and register row)
 * each is about, and the rows its rules flag that have no action yet. Pure; `today` decides
 * what is overdue and which dated rules fire. Without its template an inspection's actions are
 * still listed, by item id, and nothing can be flagged.
 */
export function actionOverview(sources: readonly OverviewSource[], today: string): ActionOverview {
  const laterOf = carriedOver(sources.map((s) => s.inspection));
  return {
    today,
    inspections: sources.map(({ inspection, template }) =>
      inspectionActions(inspection, template, today, laterOf),
    ),
  };
}

/** Terms in order: spring (Feb–Jul) of a year comes before its autumn (Aug–Jan). */
const termIndex = (period: Period) => period.year * 2 + (period.term === 'autumn' ? 1 : 0);

type CarriedTo = OverviewAction['carriedTo'];

/**
 * Where each action went on: the earliest later term's inspection of the same school that holds
 * an action with the same id (duplicating an inspection brings its open actions along, ids kept).
 */
function carriedOver(inspections: readonly Inspection[]) {
  const holders = new Map<string, Inspection[]>();
  for (const inspection of inspections) {
    for (const action of inspection.actions) {
      const key = `${inspection.school.code}/${action.id}`;
      holders.set(key, [...(holders.get(key) ?? []), inspection]);
    }
  }
  return (inspection: Inspection, actionId: string): CarriedTo => {
    const later = (holders.get(`${inspection.school.code}/${actionId}`) ?? [])
      .filter((other) => termIndex(other.period) > termIndex(inspection.period))
      .sort((a, b) => termIndex(a.period) - termIndex(b.period))[0];
    return later ? { inspectionId: later.id, period: later.period } : null;
  };
}

function inspectionActions(
  inspection: Inspection,
  template: Template | null,
  today: string,
  laterOf: (inspection: Inspection, actionId: string) => CarriedTo,
): InspectionActions {
  const items = new Map<string, { item: Item; sectionId: string }>();
  for (const section of template?.sections ?? [])
    for (const item of section.items) items.set(item.id, { item, sectionId: section.id });

  const itemOf = (itemId: string): OverviewItem => {
    const found = items.get(itemId);
    return {
      itemId,
      prompt: found ? found.item.prompt : null,
      sectionId: found ? found.sectionId : null,
    };
  };
  const rowOf = (itemId: string, rowId: string): OverviewRow | null => {
    const rows = own(inspection.registers, itemId) ?? [];
    const index = rows.findIndex((r) => r.id === rowId);
    if (index === -1) return null;
    return { rowId, number: index + 1, label: rowLabel(rows[index]!, items.get(itemId)?.item) };
  };

  const actions = inspection.actions.map((action): OverviewAction => {
    const carriedTo = laterOf(inspection, action.id);
    return {
      action,
      item: itemOf(action.itemId),
      row: action.rowId === undefined ? null : rowOf(action.itemId, action.rowId),
      overdue: carriedTo === null && isOverdue(action, today),
      carriedTo,
    };
  });

  const flaggedRows: OverviewFlaggedRow[] = [];
  if (template) {
    for (const flag of reviewInspection(template, inspection, today).flaggedRows) {
      if (flag.actionIds.length > 0) continue;
      const row = rowOf(flag.itemId, flag.rowId);
      if (!row) continue;
      flaggedRows.push({
        item: itemOf(flag.itemId),
        row,
        effect: flag.effect,
        messages: [...flag.messages],
      });
    }
  }

  return {
    id: inspection.id,
    school: inspection.school.name,
    period: inspection.period,
    state: inspection.state,
    templateTitle: template ? template.title : null,
    actions,
    flaggedRows,
  };
}

/**
 * A few words that tell a row from its neighbours: its first filled-in text cell, else the label
 * of its first chosen option, on one line and at most 40 characters; '' when it has neither.
 * Without the template (or the item) any text cell will do.
 */
export function rowLabel(row: RegisterRow, item: Item | undefined): Bilingual {
  const text = (value: unknown) => (typeof value === 'string' ? oneLine(value) : '');
  const same = (line: string): Bilingual => ({ 'zh-CN': line, 'en-US': line });
  if (item?.kind !== 'register')
    return same(Object.values(row.cells).map(text).find(Boolean) ?? '');
  const typed = item.columns
    .map((c) => (c.kind === 'text' ? text(own(row.cells, c.id)) : ''))
    .find(Boolean);
  if (typed) return same(typed);
  for (const column of item.columns) {
    const value = own(row.cells, column.id);
    const choice = column.kind === 'choice' ? column.choices?.find((c) => c.value === value) : null;
    if (choice)
      return { 'zh-CN': oneLine(choice.label['zh-CN']), 'en-US': oneLine(choice.label['en-US']) };
  }
  return same('');
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > LABEL_LENGTH ? `${line.slice(0, LABEL_LENGTH - 1)}…` : line;
}
