import type { Bilingual } from '../i18n/locale';
import { own } from '../own';
import type { Evaluation, Finding, StatusCounts } from '../template/engine';
import { allItems } from '../template/items';
import type { Template } from '../template/schema';
import type { CorrectiveAction, Inspection } from './schema';
import { evaluateInspection, isOverdue } from './summary';

/** Something that stops sign-off, with where it is fixed. */
export type Blocker =
  /** A required item with no usable answer. */
  | { readonly kind: 'unanswered'; readonly itemId: string; readonly sectionId: string }
  /** An item that requires evidence, answered without any. */
  | { readonly kind: 'evidence-missing'; readonly itemId: string; readonly sectionId: string }
  /** 不符合 or 部分符合 with no corrective action against the item. */
  | {
      readonly kind: 'finding-without-action';
      readonly itemId: string;
      readonly sectionId: string;
      readonly status: 'non-compliant' | 'partial';
    }
  /** A register row a rule flags, with no corrective action against the row. */
  | {
      readonly kind: 'row-without-action';
      readonly itemId: string;
      readonly sectionId: string;
      readonly rowId: string;
      /** 0-based position in the register. */
      readonly row: number;
      readonly messages: readonly Bilingual[];
    };

/** A register row that a non-warning rule fires on. */
export interface FlaggedRow {
  readonly itemId: string;
  readonly sectionId: string;
  readonly rowId: string;
  readonly row: number;
  readonly effect: 'non-compliant' | 'partial';
  readonly messages: readonly Bilingual[];
  /** Corrective actions against this row, any state. */
  readonly actionIds: readonly string[];
}

export interface SectionReview {
  readonly id: string;
  readonly counts: StatusCounts;
  readonly complianceRate: number | null;
  readonly answered: number;
  readonly applicable: number;
}

/** Everything the 审阅 page, the report and the sign-off check read off one inspection. */
export interface InspectionReview {
  readonly evaluation: Evaluation;
  readonly sections: readonly SectionReview[];
  /** Non-warning findings, in template order. */
  readonly findings: readonly Finding[];
  readonly openActions: readonly CorrectiveAction[];
  readonly overdueActions: number;
  readonly flaggedRows: readonly FlaggedRow[];
  readonly blockers: readonly Blocker[];
}

const rate = (c: StatusCounts): number | null => {
  const judged = c.compliant + c.partial + c.nonCompliant;
  return judged === 0 ? null : (c.compliant + c.partial / 2) / judged;
};

/**
 * Reads an inspection as its reviewer does: counts and compliance by section, findings, open
 * actions, the register rows rules flag, and what stops sign-off. Pure; `today` decides which
 * dates have passed.
 */
export function reviewInspection(
  template: Template,
  inspection: Inspection,
  today: string,
): InspectionReview {
  const evaluation = evaluateInspection(template, inspection, today);
  const actionsOn = (itemId: string, rowId?: string) =>
    inspection.actions.filter(
      (a) => a.itemId === itemId && (rowId === undefined || a.rowId === rowId),
    );

  const sections = template.sections.map((section): SectionReview => {
    const counts = { compliant: 0, partial: 0, nonCompliant: 0, na: 0, unanswered: 0 };
    let answered = 0;
    let applicable = 0;
    for (const item of section.items) {
      const result = evaluation.items[item.id];
      if (!result?.visible) continue;
      applicable++;
      if (result.status !== 'unanswered') answered++;
      if (!result.assessed) continue;
      if (result.status === 'compliant') counts.compliant++;
      else if (result.status === 'partial') counts.partial++;
      else if (result.status === 'non-compliant') counts.nonCompliant++;
      else if (result.status === 'na') counts.na++;
      else if (result.status === 'unanswered') counts.unanswered++;
    }
    return { id: section.id, counts, complianceRate: rate(counts), answered, applicable };
  });

  const flaggedRows: FlaggedRow[] = [];
  for (const finding of evaluation.findings) {
    if (finding.row === undefined || finding.effect === 'warning') continue;
    const rowId = (own(inspection.registers, finding.itemId) ?? [])[finding.row]?.id;
    if (rowId === undefined) continue;
    const same = flaggedRows.find((f) => f.itemId === finding.itemId && f.rowId === rowId);
    if (same) {
      const index = flaggedRows.indexOf(same);
      flaggedRows[index] = {
        ...same,
        effect: same.effect === 'non-compliant' ? same.effect : finding.effect,
        messages: [...same.messages, finding.message],
      };
      continue;
    }
    flaggedRows.push({
      itemId: finding.itemId,
      sectionId: finding.sectionId,
      rowId,
      row: finding.row,
      effect: finding.effect,
      messages: [finding.message],
      actionIds: actionsOn(finding.itemId, rowId).map((a) => a.id),
    });
  }

  const blockers: Blocker[] = [];
  for (const item of allItems(template)) {
    const result = evaluation.items[item.id];
    if (!result?.visible) continue;
    const where = { itemId: item.id, sectionId: result.sectionId };
    if (result.status === 'unanswered') {
      if (item.required) blockers.push({ kind: 'unanswered', ...where });
      continue;
    }
    if (item.evidence === 'required' && result.status !== 'na' && !hasEvidence(inspection, item.id))
      blockers.push({ kind: 'evidence-missing', ...where });
    const rowFlags = flaggedRows.filter((f) => f.itemId === item.id);
    for (const flag of rowFlags) {
      if (flag.actionIds.length === 0) {
        const { rowId, row, messages } = flag;
        blockers.push({ kind: 'row-without-action', ...where, rowId, row, messages });
      }
    }
    // A register judged by its rows is followed up row by row; otherwise the item needs an action.
    const status = result.status;
    if (
      (status === 'non-compliant' || status === 'partial') &&
      rowFlags.length === 0 &&
      actionsOn(item.id).length === 0
    )
      blockers.push({ kind: 'finding-without-action', ...where, status });
  }

  return {
    evaluation,
    sections,
    findings: evaluation.findings.filter((f) => f.effect !== 'warning'),
    openActions: inspection.actions.filter((a) => a.state === 'open'),
    overdueActions: inspection.actions.filter((a) => isOverdue(a, today)).length,
    flaggedRows,
    blockers,
  };
}

function hasEvidence(inspection: Inspection, itemId: string): boolean {
  if ((own(inspection.answers, itemId)?.evidence.length ?? 0) > 0) return true;
  return (own(inspection.registers, itemId) ?? []).some((row) => row.evidence.length > 0);
}
