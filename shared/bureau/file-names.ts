import type { Locale } from '../i18n/locale';

/** Letters (any script), digits, - and _ only: a name that is safe on every file system. */
export const safeNamePart = (text: string, max = 40): string =>
  text
    .replace(/[^\p{L}\p{N}_-]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, max);

/**
 * 清朗区-汇总-2026-12-01.xlsx / 清朗区-district-summary-2026-12-01.xlsx: the bureau's district
 * and the day (just 汇总-2026-12-01.xlsx before the bureau profile names a district).
 */
export function districtSummaryFileName(
  district: string | undefined,
  today: string,
  language: Locale,
): string {
  const what = language === 'zh-CN' ? '汇总' : 'district-summary';
  const place = district === undefined ? '' : safeNamePart(district);
  return `${place ? `${place}-` : ''}${what}-${today}.xlsx`;
}
