import type { TFunction } from 'i18next';
import type { Bilingual } from '../../../shared/i18n/locale';
import type { OverviewItem, OverviewRow } from '../../../shared/inspection/action-overview';
import { periodLabel } from '../../../shared/inspection/period';
import type { InspectionActions } from '../../../shared/inspection/action-overview';

type Pick = (text: Bilingual) => string;

/** The item as a person reads it: its prompt, or its id when the template is not here. */
export function itemText(item: OverviewItem, t: TFunction, pick: Pick): string {
  return item.prompt ? pick(item.prompt) : t('actionsPage.itemById', { id: item.itemId });
}

/** "第 3 行：华为 USG6525E" / "Row 3: …", or just the number when the row has no words. */
export function rowText(row: OverviewRow, t: TFunction, pick: Pick): string {
  const label = pick(row.label);
  return label === ''
    ? t('actionsPage.row', { number: row.number })
    : t('actionsPage.rowWithLabel', { number: row.number, label });
}

/** "示范中学 · 2026 秋季学期". */
export function inspectionText(inspection: InspectionActions, t: TFunction, pick: Pick): string {
  return t('actionsPage.inspectionLabel', {
    school: inspection.school,
    period: pick(periodLabel(inspection.period)),
  });
}
