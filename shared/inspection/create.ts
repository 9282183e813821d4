import type { LeftBehind } from './carry';
import { carryOver } from './carry';
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
  /** The source's own template, when installed: what was left behind is named by its labels. */
  readonly sourceTemplate?: Template | null;
  /** Also copy last term's answers, notes and their evidence; registers always come along. */
  readonly withAnswers: boolean;
}

export interface Duplicated {
  readonly inspection: Inspection;
  /** What the target template had no place for (carry.ts): to be shown to the user. */
  readonly leftBehind: LeftBehind[];
}

/**
 * Starts this term's inspection from an earlier one: its registers (nobody types the device
 * list twice) and its still-open corrective actions come along, answers only when asked. Only
 * what the target template still has, of the same kind, is kept (carryOver), so a newer template
 * never receives a stray id; what stays behind is listed.
 */
export function duplicateWithReport(source: Inspection, options: DuplicateOptions): Duplicated {
  const carried = carryOver(source, {
    sourceTemplate: options.sourceTemplate ?? null,
    target: options.templateContent,
    withAnswers: options.withAnswers,
  });
  const base = createInspection({ ...options, school: source.school });
  return {
    inspection: {
      ...base,
      answers: carried.answers,
      registers: carried.registers,
      actions: carried.actions,
      audit: [{ at: options.now, event: 'duplicated', detail: source.id }],
    },
    leftBehind: carried.leftBehind,
  };
}

/** duplicateWithReport, the inspection only. */
export const duplicateInspection = (source: Inspection, options: DuplicateOptions): Inspection =>
  duplicateWithReport(source, options).inspection;

/**
 * Adds an audit entry. The trail is never cut short: the limit on its length sits above what the
 * 20 MB file limit lets through, so a save is refused (planSave) long before entries would drop.
 */
export function withAudit(inspection: Inspection, entry: AuditEntry): Inspection {
  return { ...inspection, audit: [...inspection.audit, entry] };
}
