import { districtSheets } from '../../shared/bureau/district-sheets';
import { feedbackFileName, feedbackFor, feedbackSchema } from '../../shared/bureau/feedback';
import { districtSummaryFileName } from '../../shared/bureau/file-names';
import { storedDistrict } from '../../shared/bureau/stored-district';
import type { BureauIndex } from '../../shared/bureau/store-index';
import { currentReviews, findSubmission, intakeOf } from '../../shared/bureau/store-ops';
import { AppError } from '../../shared/errors';
import type { Locale } from '../../shared/i18n/locale';
import type { Handlers } from '../../shared/ipc/contract';
import type { DataCounts } from '../../shared/ipc/bureau';
import { localIsoDate } from '../../shared/local-date';
import { writeDistrictWorkbook } from '../services/bureau/district-write';
import { readSchoolList } from '../services/bureau/school-list-read';
import type { Services } from '../services/services';

/**
 * Bureau mode's door (shared/ipc/bureau.ts): the store's state and changes, feedback files and
 * the district summary, both offered to the shell's saver like any export.
 */
export function createBureauHandlers(
  services: Services,
  now: () => Date = () => new Date(),
): Handlers['bureau'] {
  const counts = (): DataCounts => ({
    inspections: services.inspections.list().length,
    submissions: services.bureau.count(),
  });
  return {
    state: () => {
      const index = services.bureau.snapshot();
      return {
        submissions: index.submissions,
        rejected: index.rejected,
        templates: Object.values(index.templates),
        reviews: currentReviews(index),
        schools: index.schools,
        counts: counts(),
      };
    },
    counts,
    addFile: async ({ fileName, dataBase64 }) => {
      const outcome = await services.bureau.add(fileName, Buffer.from(dataBase64, 'base64'));
      services.log.info('bureau.add', {
        outcome: outcome.intake.outcome,
        alreadyReceived: outcome.alreadyReceived,
      });
      return outcome;
    },
    remove: async ({ sha256 }) => {
      await services.bureau.remove(sha256);
      return null;
    },
    review: (input) => services.bureau.review(input),
    saveFeedback: async ({ sha256, language }) => {
      const index = services.bureau.snapshot();
      const stored = findSubmission(index, sha256);
      if (!stored) throw new AppError('bureau-submission-not-found');
      const bureau = services.settings.get().bureau;
      if (!bureau) throw new AppError('bureau-profile-missing');
      const review = index.reviews[sha256];
      const feedback = review ? feedbackFor(stored, review, bureau) : null;
      if (!feedback) throw new AppError('bureau-feedback-unavailable');
      const text = `${JSON.stringify(feedbackSchema.parse(feedback), null, 2)}\n`;
      const outcome = await services.saver.save({
        fileName: feedbackFileName(feedback.inspection, language),
        bytes: Buffer.from(text, 'utf8'),
      });
      if (outcome.kind !== 'cancelled') await services.bureau.feedbackSaved(sha256);
      services.log.info('bureau.feedback-offered', { outcome: outcome.kind });
      return outcome;
    },
    loadSchools: async ({ fileName, dataBase64 }) => {
      const read = readSchoolList(fileName, Buffer.from(dataBase64, 'base64'));
      if (read.schools.length > 0) await services.bureau.setSchools(read.schools);
      services.log.info('bureau.schools-read', {
        count: read.schools.length,
        problems: read.problems.length,
      });
      return { count: read.schools.length, problems: read.problems };
    },
    clearSchools: async () => {
      await services.bureau.setSchools(null);
      return null;
    },
    clearRejected: async () => {
      await services.bureau.clearRejected();
      return null;
    },
    exportSummary: async ({ language, allowDrafts }) => {
      const at = now();
      const bytes = summaryWorkbook(services, services.bureau.snapshot(), {
        language,
        allowDrafts,
        at,
      });
      const district = services.settings.get().bureau?.district;
      const outcome = await services.saver.save({
        fileName: districtSummaryFileName(district, localIsoDate(at), language),
        bytes,
      });
      services.log.info('bureau.summary-offered', { outcome: outcome.kind, bytes: bytes.length });
      return outcome;
    },
  };
}

/** The district summary workbook of everything in the store, as of `at`. */
function summaryWorkbook(
  services: Services,
  index: BureauIndex,
  options: { readonly language: Locale; readonly allowDrafts: boolean; readonly at: Date },
): Buffer {
  const today = localIsoDate(options.at);
  const schools = index.schools ?? undefined;
  const district = storedDistrict(
    {
      submissions: index.submissions.map(intakeOf),
      rejected: index.rejected,
      templates: Object.values(index.templates),
      schools: index.schools,
    },
    { allowDrafts: options.allowDrafts, today },
  );
  const bureau = services.settings.get().bureau;
  const sheets = districtSheets(district, {
    language: options.language,
    appVersion: services.about.version,
    generatedAt: options.at.toISOString(),
    today,
    allowDrafts: options.allowDrafts,
    ...(bureau && { bureau }),
    ...(schools && { schoolList: schools }),
  });
  return writeDistrictWorkbook(sheets);
}
