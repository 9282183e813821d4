import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locale';
import { reviewInspection } from '../../../shared/inspection/review';
import type { Inspection } from '../../../shared/inspection/schema';
import { localIsoDate } from '../../../shared/local-date';
import { buildReportHtml } from '../../../shared/report/report-html';
import type { PageTemplates } from '../../../shared/report/report-pages';
import { reportFileName, reportPageTemplates } from '../../../shared/report/report-pages';
import type { SignatureCheck } from '../../../shared/inspection/signature-check';
import type { Template } from '../../../shared/template/schema';
import type { EvidenceStore } from '../evidence/evidence-store';
import { checkSignature } from '../signing/verify';
import type { TemplateStore } from '../templates/template-store';
import { templateHash } from '../templates/template-store';

/** What a report is made from besides the inspection: the app's stores, or the CLI's. */
export interface ReportSources {
  readonly templates: Pick<TemplateStore, 'get'>;
  readonly evidence: Pick<EvidenceStore, 'has' | 'read'>;
  readonly now: () => Date;
  /** IANA zone the moment of signing is read in; this computer's unless given. */
  readonly timeZone?: string;
}

/** The report of one inspection, ready to show or to print. */
export interface ReportDocument {
  readonly html: string;
  readonly pages: PageTemplates;
  /** A name to save its PDF under. */
  readonly fileName: string;
}

/** A drawn signature bigger than this is not embedded (a real one is a few kilobytes). */
const MAX_SIGNATURE_BYTES = 2 * 1024 * 1024;
const EMBEDDABLE = new Set(['image/png', 'image/jpeg']);

/** The template the inspection was filled against: the same id, version and content. */
export function reportTemplate(
  inspection: Inspection,
  templates: ReportSources['templates'],
): Template {
  let template: Template;
  try {
    template = templates.get(inspection.template);
  } catch {
    throw new AppError('template-not-found', templateMissing(inspection));
  }
  if (templateHash(template) !== inspection.template.hash)
    throw new AppError('template-not-found', templateMissing(inspection));
  return template;
}

const templateMissing = ({ template }: Inspection) => ({
  'zh-CN': `这份检查使用的模板 ${template.id} ${template.version} 没有安装（或内容不同），无法生成报告。请先导入该模板。`,
  'en-US': `The template this inspection uses, ${template.id} ${template.version}, is not installed (or differs), so no report can be made. Import that template first.`,
});

/**
 * The drawn signature as a data: URL, when its file is here and its bytes are a PNG or JPEG.
 * A scan of a page signed on paper is named in the report, not embedded.
 */
async function signatureImage(
  inspection: Inspection,
  evidence: ReportSources['evidence'],
): Promise<string | undefined> {
  const { signoff } = inspection;
  if (signoff?.method !== 'drawn' || !evidence.has(signoff.image.sha256)) return undefined;
  try {
    const { type, bytes } = await evidence.read(signoff.image.sha256);
    if (!EMBEDDABLE.has(type) || bytes.length > MAX_SIGNATURE_BYTES) return undefined;
    return `data:${type};base64,${bytes.toString('base64')}`;
  } catch {
    return undefined;
  }
}

/**
 * What the caller already knows of a copy that is not in the data folder (an opened workbook
 * carries its template, and its signature is judged with the whole workbook).
 */
export interface ReportGiven {
  readonly template?: Template;
  readonly signatureStatus?: SignatureCheck['status'];
}

/** Builds one inspection's report in one language, from what this computer holds. */
export async function reportDocument(
  inspection: Inspection,
  language: Locale,
  sources: ReportSources,
  given: ReportGiven = {},
): Promise<ReportDocument> {
  const template = given.template ?? reportTemplate(inspection, sources.templates);
  const today = localIsoDate(sources.now());
  const signatureStatus = given.signatureStatus ?? checkSignature(inspection).status;
  const image = await signatureImage(inspection, sources.evidence);
  const html = buildReportHtml({
    inspection,
    template,
    review: reviewInspection(template, inspection, today),
    language,
    today,
    timeZone: sources.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    signatureStatus,
    ...(image === undefined ? {} : { signatureImage: image }),
  });
  return {
    html,
    pages: reportPageTemplates(inspection, language, signatureStatus),
    fileName: reportFileName(inspection, language),
  };
}
