import type { Locale } from '../i18n/locale';
import type { Inspection } from '../inspection/schema';

/** 检查工作簿-1101080001-2026-autumn.xlsx / inspection-workbook-1101080001-2026-autumn.xlsx */
export function workbookFileName(inspection: Inspection, language: Locale): string {
  return `${language === 'zh-CN' ? '检查工作簿' : 'inspection-workbook'}-${stemOf(inspection)}.xlsx`;
}

/** 报送材料-1101080001-2026-autumn.zip / submission-1101080001-2026-autumn.zip */
export function packageFileName(inspection: Inspection, language: Locale): string {
  return `${language === 'zh-CN' ? '报送材料' : 'submission'}-${stemOf(inspection)}.zip`;
}

/** The school code and term: what a bureau sorts hundreds of files by. */
const stemOf = ({ school, period }: Inspection) => `${school.code}-${period.year}-${period.term}`;
