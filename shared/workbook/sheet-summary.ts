import { periodLabel } from '../inspection/period';
import { isOverdue } from '../inspection/summary';
import { STAGE_TEXT } from '../report/report-text';
import { date, datetime, num, percent, text } from './cells';
import type { WorkbookCell } from './cells';
import type { WorkbookInput } from './input';
import { sheetTitle } from './input';
import type { WorkbookSheet } from './sheet';

/**
 * 汇总: one header row and one row for the inspection, so that a bureau can stack the summary
 * sheets of every school under one header.
 */
export function summarySheet(input: WorkbookInput, name: string): WorkbookSheet {
  const { inspection, template, evaluation, say, language, asOf } = input;
  const { counts } = evaluation;
  const { signoff } = inspection;
  const open = inspection.actions.filter((a) => a.state === 'open').length;
  const overdue = inspection.actions.filter((a) => isOverdue(a, asOf)).length;
  const findings = evaluation.findings.filter((f) => f.effect !== 'warning').length;
  const columns: [string, string, number, WorkbookCell][] = [
    ['学校名称', 'School', 28, text(inspection.school.name)],
    ['学校标识码', 'School code', 14, text(inspection.school.code)],
    ['所属区县', 'District', 14, text(inspection.school.district)],
    ['学段', 'Stage', 12, text(STAGE_TEXT[inspection.school.stage][language])],
    ['检查学年', 'Year', 8, num(inspection.period.year)],
    ['学期', 'Term', 16, text(periodLabel(inspection.period)[language])],
    ['检查人', 'Inspector', 12, text(inspection.inspector)],
    ['检查表编号', 'Checklist id', 22, text(template.id)],
    ['检查表版本', 'Checklist version', 10, text(template.version)],
    ['状态', 'State', 10, text(signoff ? say('已签字', 'Signed') : say('草稿', 'Draft'))],
    ['符合', 'Compliant', 8, num(counts.compliant)],
    ['部分符合', 'Partly compliant', 10, num(counts.partial)],
    ['不符合', 'Non-compliant', 10, num(counts.nonCompliant)],
    ['不适用', 'Not applicable', 10, num(counts.na)],
    ['未答', 'Unanswered', 8, num(counts.unanswered)],
    ['符合率', 'Compliance', 10, percent(evaluation.complianceRate)],
    ['发现问题', 'Findings', 10, num(findings)],
    ['整改措施', 'Actions', 10, num(inspection.actions.length)],
    ['未完成整改', 'Open actions', 10, num(open)],
    ['逾期整改', 'Overdue actions', 10, num(overdue)],
    ['统计日期', 'As of', 12, date(asOf)],
    ['签字人', 'Signer', 12, text(signoff?.signer)],
    ['职务', 'Title', 12, text(signoff?.title)],
    ['签字日期', 'Date signed', 12, date(signoff?.date)],
    ['签字时间（北京时间）', 'Signed at (Beijing time)', 20, datetime(signoff?.signedAt)],
  ];
  return {
    id: 'summary',
    name,
    title: sheetTitle(input, say('汇总', 'Summary')),
    columns: columns.map(([zh, en, width]) => ({ header: say(zh, en), width })),
    rows: [columns.map(([, , , cell]) => cell)],
  };
}
