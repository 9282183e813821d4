import { isoDateText } from '../i18n/date-text';
import type { Bilingual } from '../i18n/locale';
import { formatInstant } from '../i18n/format';
import { groupFingerprint } from '../inspection/fingerprint';
import type { Signoff } from '../inspection/schema';
import { escapeHtml, escapeLines, tag } from './html';
import type { ReportInput, Say } from './report-input';
import { sayIn } from './report-input';
import { CHECK_TEXT, labelled, METHOD_TEXT, paperNote, T } from './report-text';

/** Only an image the report can show as it is: a PNG or JPEG as base64, nothing else. */
const IMAGE_DATA_URL = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;

export function isReportImage(dataUrl: string): boolean {
  return IMAGE_DATA_URL.test(dataUrl);
}

const row = (label: string, line: string, extra = '') =>
  `<div class="sign-row"><span class="label">${escapeHtml(label)}</span><span class="line">${line}</span>${extra}</div>`;

/**
 * 六、审核签字, kept on one page: the comment, the inspector's and the principal's signature
 * lines (the drawn signature on its line, or a line to sign on paper), name, title and date, and
 * room for the school seal, which overlaps the name and the date as it does on paper. A signed
 * report also states how it was signed and what its signature covers.
 */
export function signoffSection(input: ReportInput): string {
  const say = sayIn(input.language);
  const { signoff } = input.inspection;
  const colon = (text: Bilingual) => labelled(say(text), input.language);
  const parts = [tag('h2', '', say(T.signoff))];
  if (signoff && input.signatureStatus !== 'valid') {
    parts.push(
      tag(
        'p',
        'notice',
        labelled(say(T.check), input.language) + say(CHECK_TEXT[input.signatureStatus]),
      ),
    );
  }
  const left = [
    `<div class="label">${escapeHtml(colon(T.comment))}</div>`,
    `<div class="comment">${signoff?.comment ? escapeLines(signoff.comment) : ''}</div>`,
    row(colon(T.inspectorSigns), '', `<span>${escapeHtml(input.inspection.inspector)}</span>`),
    row(colon(T.principalSigns), signature(input, signoff)),
    row(colon(T.signerName), escapeHtml(signoff?.signer ?? '')),
    row(colon(T.signerTitle), escapeHtml(signoff?.title ?? '')),
    row(colon(T.signDate), escapeHtml(signoff ? isoDateText(signoff.date)[input.language] : '')),
  ];
  const notes = signoff ? imageNotes(input, signoff, say) : '';
  const date = signoff ? isoDateText(signoff.date)[input.language] : blankDate(input);
  const right = [
    `<div class="seal-box"><span class="label">${escapeHtml(say(T.seal))}</span>${escapeHtml(say(T.sealHere))}</div>`,
    `<div class="seal-date">${escapeHtml(date)}</div>`,
  ];
  parts.push(
    `<div class="sign-grid"><div>${left.join('')}${notes}</div><div>${right.join('')}</div></div>`,
  );
  parts.push(signoff ? verifyTable(input, signoff, say) : tag('p', 'hint', say(T.unsignedNote)));
  return `<section class="signoff">${parts.join('\n')}</section>`;
}

function signature(input: ReportInput, signoff: Signoff | undefined): string {
  if (signoff?.method !== 'drawn' || input.signatureImage === undefined) return '';
  if (!isReportImage(input.signatureImage)) return '';
  const alt = escapeHtml(`${sayIn(input.language)(T.principalSigns)} ${signoff.signer}`);
  return `<img class="sign-image" src="${escapeHtml(input.signatureImage)}" alt="${alt}">`;
}

function imageNotes(input: ReportInput, signoff: Signoff, say: Say): string {
  if (signoff.method === 'paper') return tag('p', 'hint', say(paperNote(signoff.image.name)));
  const shown = input.signatureImage !== undefined && isReportImage(input.signatureImage);
  return shown ? '' : tag('p', 'hint', say(T.imageMissing));
}

function blankDate({ language }: ReportInput): string {
  return language === 'zh-CN' ? '\u3000\u3000年\u3000\u3000月\u3000\u3000日' : '';
}

function verifyTable(input: ReportInput, signoff: Signoff, say: Say): string {
  const rows: [string, string, string][] = [
    [say(T.method), say(METHOD_TEXT[signoff.method]), ''],
    [say(T.signedAt), formatInstant(signoff.signedAt, input.language, input.timeZone), ''],
    [say(T.contentHash), signoff.contentHash, 'mono'],
    [say(T.fingerprint), groupFingerprint(signoff.keyFingerprint), 'mono'],
    [say(T.check), say(CHECK_TEXT[input.signatureStatus]), ''],
  ];
  const body = rows
    .map(([label, value, cls]) => `<tr>${tag('td', '', label)}${tag('td', cls, value)}</tr>`)
    .join('');
  return `<table class="verify keep"><tbody>${body}</tbody></table>`;
}
