import { own } from '../own';
import type { Answers, Evaluation, StatusCounts } from '../template/engine';
import { evaluate } from '../template/engine';
import { allItems } from '../template/items';
import type { Template } from '../template/schema';
import { daysBetween } from '../template/dates';
import type { CorrectiveAction, Inspection } from './schema';

/** The answers the template engine reads: item values, and each register's rows as cells. */
export function engineAnswers(template: Template, inspection: Inspection): Answers {
  const answers: Record<string, unknown> = {};
  for (const item of allItems(template)) {
    if (item.kind === 'register') {
      // A register that was confirmed empty (no rows, on purpose) is an answer; an untouched one
      // is not.
      const rows = own(inspection.registers, item.id);
      if (rows) answers[item.id] = rows.map((r) => r.cells);
    } else {
      const value = own(inspection.answers, item.id)?.value;
      if (value !== undefined) answers[item.id] = value;
    }
  }
  return answers;
}

/**
 * The day an inspection is judged as of: the day it was signed, once it is (what the principal
 * signed does not drift as dates pass: a "last scan over 90 days ago" stays as it was that day),
 * and today while it is still being filled in. Overdue actions are a matter of today either way.
 */
export function judgedOn(inspection: Inspection, today: string): string {
  return inspection.signoff?.date ?? today;
}

export function evaluateInspection(
  template: Template,
  inspection: Inspection,
  today: string,
): Evaluation {
  return evaluate(template, engineAnswers(template, inspection), judgedOn(inspection, today));
}

export function isOverdue(action: Pick<CorrectiveAction, 'state' | 'due'>, today: string): boolean {
  const days = daysBetween(today, action.due);
  return action.state === 'open' && days !== null && days < 0;
}

/** What a list of inspections shows for each one without opening it. */
export interface InspectionFigures {
  /** Answered ÷ applicable, 0..1. */
  readonly progress: number;
  readonly answered: number;
  readonly applicable: number;
  readonly complianceRate: number | null;
  readonly counts: StatusCounts;
  readonly findings: number;
  readonly openActions: number;
  readonly overdueActions: number;
}

export function inspectionFigures(
  evaluation: Evaluation,
  inspection: Inspection,
  today: string,
): InspectionFigures {
  return {
    progress: evaluation.overall.ratio,
    answered: evaluation.overall.answered,
    applicable: evaluation.overall.applicable,
    complianceRate: evaluation.complianceRate,
    counts: evaluation.counts,
    findings: evaluation.findings.filter((f) => f.effect !== 'warning').length,
    openActions: inspection.actions.filter((a) => a.state === 'open').length,
    overdueActions: inspection.actions.filter((a) => isOverdue(a, today)).length,
  };
}
