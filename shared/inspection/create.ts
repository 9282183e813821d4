import { own } from '../own';
import { allItems } from '../template/items';
import type { Template } from '../template/schema';
import type { AuditEntry, Inspection, Period, PinnedTemplate, SchoolProfile } from './schema';
import { INSPECTION_FORMAT } from './schema';

export interface NewInspection {
  readonly id: string;
  readonly template: PinnedTemplate;
  readonly school: SchoolProfile;
  readonly period: Period;
  readonly inspector: string;
  /** ISO instant. */
  readonly now: string;
}

export function createInspection(options: NewInspection): Inspection {
  return {
    format: INSPECTION_FORMAT,
    id: options.id,
    template: options.template,
    school: options.school,
    period: options.period,
    inspector: options.inspector,
    state: 'draft',
    createdAt: options.now,
    updatedAt: options.now,
    answers: {},
    registers: {},
    actions: [],
    reopened: [],
    audit: [{ at: options.now, event: 'created' }],
  };
}

export interface DuplicateOptions extends Omit<NewInspection, 'school'> {
  /** The template the copy is filled against (it may be newer than the source's). */
  readonly templateContent: Template;
  /** Also copy last term's answers, notes and their evidence; registers always come along. */
  readonly withAnswers: boolean;
}

/**
 * Starts this term's inspection from an earlier one: its registers (nobody types the device
 * list twice) and its still-open corrective actions come along, answers only when asked. Only
 * what the target template still has is kept, so a newer template never receives a stray id.
 */
export function duplicateInspection(source: Inspection, options: DuplicateOptions): Inspection {
  const items = new Map(allItems(options.templateContent).map((item) => [item.id, item]));
  const registers: Inspection['registers'] = {};
  const answers: Inspection['answers'] = {};
  for (const [id, item] of items) {
    const rows = own(source.registers, id);
    // A register confirmed empty last term is asked again: "none" then is no answer now.
    if (item.kind === 'register' && rows && rows.length > 0) {
      // Cells of columns the target template no longer has are dropped with their column.
      const columns = new Set(item.columns.map((c) => c.id));
      registers[id] = rows.map((row) => ({
        ...row,
        cells: Object.fromEntries(Object.entries(row.cells).filter(([c]) => columns.has(c))),
      }));
    }
    const answer = own(source.answers, id);
    if (options.withAnswers && answer) answers[id] = answer;
  }
  const base = createInspection({ ...options, school: source.school });
  return {
    ...base,
    answers,
    registers,
    actions: source.actions
      .filter((a) => a.state === 'open' && items.has(a.itemId))
      .map((a) => {
        // An action on a register row keeps its row only where that row came along.
        if (a.rowId === undefined || registers[a.itemId]?.some((r) => r.id === a.rowId)) return a;
        const kept = { ...a };
        delete kept.rowId;
        return kept;
      }),
    audit: [{ at: options.now, event: 'duplicated', detail: source.id }],
  };
}

/**
 * Adds an audit entry. The trail is never cut short: the limit on its length sits above what the
 * 20 MB file limit lets through, so a save is refused (planSave) long before entries would drop.
 */
export function withAudit(inspection: Inspection, entry: AuditEntry): Inspection {
  return { ...inspection, audit: [...inspection.audit, entry] };
}
