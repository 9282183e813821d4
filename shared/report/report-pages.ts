import type { Locale } from '../i18n/locale';
import { groupFingerprint } from '../inspection/fingerprint';
import { periodLabel } from '../inspection/period';
import type { Inspection } from '../inspection/schema';
import type { SignatureCheck } from '../inspection/signature-check';
import { escapeHtml } from './html';
import { CHECK_TEXT, labelled, T } from './report-text';

/** The page margins both printers use (the same as the report's @page rule). */
export const REPORT_MARGINS = { top: '20mm', right: '16mm', bottom: '24mm', left: '16mm' } as const;

/** What a printer puts around each page: a running header, and the footer with page numbers. */
export interface PageTemplates {
  readonly headerTemplate: string;
  readonly footerTemplate: string;
}

// Chromium draws these in the page margins, apart from the document: they carry their own style
// (its default is a 0-sized font) and may hold nothing fetched. The classes pageNumber and
// totalPages are filled in by Chromium.
const FONT =
  'font-family: &quot;Noto Sans CJK SC&quot;, &quot;Microsoft YaHei&quot;, &quot;PingFang SC&quot;, sans-serif;';
const MONO =
  'font-family: &quot;Noto Sans Mono CJK SC&quot;, &quot;DejaVu Sans Mono&quot;, Consolas, monospace;';
const BOX = `box-sizing: border-box; width: 100%; padding: 0 ${REPORT_MARGINS.left}; font-size: 7pt; color: #444; ${FONT} -webkit-print-color-adjust: exact;`;

/**
 * The header (school, term, title) and the footer (the content hash and the key fingerprint of a
 * signed report, or 未签字; 第 X 页 共 Y 页) for one inspection's report, in its language. Both
 * printers pass these same templates.
 */
export function reportPageTemplates(
  inspection: Inspection,
  language: Locale,
  status: SignatureCheck['status'],
): PageTemplates {
  const say = (text: Readonly<Record<Locale, string>>) => text[language];
  const header = `${inspection.school.name} · ${say(periodLabel(inspection.period))} · ${say(T.headerTitle)}`;
  const headerTemplate = `<div style="${BOX} display: flex; justify-content: space-between; border-bottom: 0.5pt solid #999; padding-bottom: 2pt; margin-top: 8mm;"><span>${escapeHtml(header)}</span><span>${escapeHtml(inspection.school.code)}</span></div>`;

  const { signoff } = inspection;
  const proof = signoff
    ? [
        `${escapeHtml(say(T.contentHash))} <span style="${MONO}">${escapeHtml(signoff.contentHash)}</span>`,
        `${escapeHtml(say(T.fingerprint))} <span style="${MONO}">${escapeHtml(groupFingerprint(signoff.keyFingerprint))}</span>${
          status === 'valid' ? '' : ` · ${escapeHtml(say(CHECK_TEXT[status]))}`
        }`,
      ].join('<br>')
    : escapeHtml(labelled(say(T.contentHash), language) + say(T.notSigned));
  const page = escapeHtml(say(T.page))
    .replace('{page}', '<span class="pageNumber"></span>')
    .replace('{pages}', '<span class="totalPages"></span>');
  const footerTemplate = `<div style="${BOX} display: flex; justify-content: space-between; align-items: flex-end; gap: 6mm; margin-bottom: 8mm;"><div>${proof}</div><div style="white-space: nowrap; font-size: 8pt;">${page}</div></div>`;
  return { headerTemplate, footerTemplate };
}

/** 检查报告-1101080001-2026-autumn.pdf / inspection-report-1101080001-2026-autumn.pdf */
export function reportFileName(inspection: Inspection, language: Locale): string {
  const { year, term } = inspection.period;
  const stem = language === 'zh-CN' ? '检查报告' : 'inspection-report';
  return `${stem}-${inspection.school.code}-${year}-${term}.pdf`;
}
