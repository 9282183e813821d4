import { isoDateText } from '../i18n/date-text';
import { formatPercent } from '../i18n/format';
import { periodLabel } from '../inspection/period';
import { STATUS_LABELS } from '../template/labels';
import { escapeHtml, markup, table, tag } from './html';
import { actionsSection, findingsSection } from './report-findings';
import type { ReportInput } from './report-input';
import { itemPlaces, sayIn } from './report-input';
import { registersSection } from './report-registers';
import { signoffSection } from './report-signoff';
import { REPORT_CSS } from './report-style';
import { STAGE_TEXT, STATE_TEXT, summarySentence, T } from './report-text';

/**
 * The report of one inspection as a complete, self-contained HTML document: inline style, no
 * script, nothing fetched (its own CSP says so), every interpolated text escaped. The same
 * document is shown on screen, printed and turned into a PDF; the page header and footer (page
 * numbers, content hash) are the printer's, from reportPageTemplates.
 */
export function buildReportHtml(input: ReportInput): string {
  const { inspection, language } = input;
  const pick = sayIn(language);
  const places = itemPlaces(input.template);
  const title = `${inspection.school.name} · ${pick(T.documentTitle)}`;
  const body = [
    watermark(input),
    `<h1><span class="school">${escapeHtml(inspection.school.name)}</span>${escapeHtml(pick(T.documentTitle))}</h1>`,
    tag('p', 'subtitle', pick(periodLabel(inspection.period))),
    metaTable(input),
    summarySection(input),
    sectionsSection(input),
    findingsSection(input, places),
    actionsSection(input, places),
    registersSection(input, places),
    signoffSection(input),
  ].join('\n');
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    // Printed in a window of its own or shown in the app's iframe: it fetches nothing, runs nothing.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    `<body>\n${body}\n</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** 草稿 on every page of a report that is not signed, and a warning on one whose signature fails. */
function watermark({ language, signatureStatus }: ReportInput): string {
  if (signatureStatus === 'valid') return '';
  const text = signatureStatus === 'unsigned' ? T.watermarkDraft : T.watermarkBroken;
  const long = signatureStatus === 'unsigned' ? '' : ' long';
  // Drawn from the attribute by the stylesheet: a faint mark behind the text, not text to read
  // (the state is said in words in the heading table and the sign-off).
  return `<div class="watermark${long}" data-text="${escapeHtml(text[language])}" aria-hidden="true"></div>`;
}

function metaTable(input: ReportInput): string {
  const { inspection, template, language } = input;
  const { school } = inspection;
  const pick = sayIn(language);
  const contact = [school.contactName, school.contactPhone].filter((s) => s.trim() !== '');
  const rows: [string, string, string, string][] = [
    [pick(T.school), school.name, pick(T.code), school.code],
    [pick(T.district), school.district, pick(T.stage), pick(STAGE_TEXT[school.stage])],
    [pick(T.address), school.address, pick(T.contact), contact.join(' ')],
    [pick(T.period), pick(periodLabel(inspection.period)), pick(T.inspector), inspection.inspector],
    [
      pick(T.template),
      `${pick(template.title)} ${template.version}`,
      pick(T.issuer),
      pick(template.issuer),
    ],
    [
      pick(T.madeOn),
      isoDateText(input.today)[language],
      pick(T.state),
      pick(STATE_TEXT[inspection.signoff ? 'signed' : inspection.state]),
    ],
  ];
  const body = rows
    .map((row) => `<tr>${row.map((cell) => tag('td', '', cell)).join('')}</tr>`)
    .join('');
  return `<table class="meta"><tbody>${body}</tbody></table>`;
}

function summarySection(input: ReportInput): string {
  const { review, inspection, language } = input;
  const { counts, overall, complianceRate } = review.evaluation;
  const pick = sayIn(language);
  const figures = table(
    'figures keep',
    [
      pick(T.items),
      pick(T.answered),
      pick(T.progress),
      pick(STATUS_LABELS.compliant),
      pick(STATUS_LABELS.partial),
      pick(STATUS_LABELS['non-compliant']),
      pick(STATUS_LABELS.na),
      pick(STATUS_LABELS.unanswered),
      pick(T.rate),
    ],
    [
      [
        overall.applicable,
        overall.answered,
        formatPercent(overall.ratio),
        counts.compliant,
        counts.partial,
        counts.nonCompliant,
        counts.na,
        counts.unanswered,
        formatPercent(complianceRate),
      ],
    ],
  );
  const sentence = summarySentence(
    review.findings.length,
    inspection.actions.length,
    review.openActions.length,
    review.overdueActions,
  );
  return [
    tag('h2', '', pick(T.summary)),
    figures,
    tag('p', '', pick(sentence)),
    tag('p', 'hint', pick(T.rateNote)),
  ].join('\n');
}

function sectionsSection(input: ReportInput): string {
  const { review, template, language } = input;
  const pick = sayIn(language);
  const rows = template.sections.map((section, index) => {
    const s = review.sections.find((r) => r.id === section.id);
    const c = s?.counts;
    return [
      index + 1,
      pick(section.title),
      `${s?.answered ?? 0}/${s?.applicable ?? 0}`,
      c?.compliant ?? 0,
      c?.partial ?? 0,
      c?.nonCompliant ?? 0,
      c?.na ?? 0,
      markup(`<b>${escapeHtml(formatPercent(s?.complianceRate ?? null))}</b>`),
    ];
  });
  return [
    tag('h2', '', pick(T.bySection)),
    table(
      'sections',
      [
        pick(T.no),
        pick(T.section),
        pick(T.answered),
        pick(STATUS_LABELS.compliant),
        pick(STATUS_LABELS.partial),
        pick(STATUS_LABELS['non-compliant']),
        pick(STATUS_LABELS.na),
        pick(T.rate),
      ],
      rows,
    ),
  ].join('\n');
}
