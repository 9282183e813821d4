import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { checkFeedback } from '../../../shared/bureau/feedback-check';
import type { Feedback, ReviewDecision } from '../../../shared/bureau/feedback';
import type {
  BureauReview,
  BureauReviewSummary,
  ReviewVersion,
} from '../../../shared/bureau/review-rules';
import {
  feedbackMismatch,
  MAX_FEEDBACK_BYTES,
  newestFirst,
  reviewVersion,
} from '../../../shared/bureau/review-rules';
import type { InspectionProblem as FileProblem } from '../../../shared/inspection/check';
import type { Inspection, Period } from '../../../shared/inspection/schema';
import { INSPECTION_ID_PATTERN, SHA256_PATTERN } from '../../../shared/inspection/schema';
import { instantSchema } from '../../../shared/inspection/text';
import { writeFileAtomic } from '../atomic-file';
import { dataPaths } from '../data-layout';
import type { InspectionStore } from '../inspections/inspection-store';
import { readJsonBytes } from '../json-text';
import type { Logger } from '../logger';
import { quarantine } from '../quarantine';

/** What came of importing one feedback file. */
export type ReviewImport =
  | {
      readonly status: 'imported';
      readonly inspectionId: string;
      readonly schoolName: string;
      readonly period: Period;
      readonly decision: ReviewDecision;
      readonly version: ReviewVersion;
      /** The very same file was imported before: nothing new was kept. */
      readonly duplicate: boolean;
    }
  | { readonly status: 'refused'; readonly problems: FileProblem[] };

/**
 * The bureau's feedback on this school's inspections, kept beside them
 * (`reviews/<inspection id>/<sha256>.json`, the bytes as received, and `reviews.json`, when
 * each was imported and dismissed). The inspections themselves are never touched.
 */
export interface ReviewStore {
  import(bytes: Uint8Array): ReviewImport;
  /** One inspection's feedback, newest first, dismissed ones included. */
  list(inspectionId: string): BureauReview[];
  /** For each inspection with feedback still shown, the newest. */
  latest(): BureauReviewSummary[];
  /** Archives one feedback file: kept, no longer shown beside the items. */
  dismiss(inspectionId: string, sha256: string): void;
}

interface Options {
  readonly dataDir: string;
  readonly log: Logger;
  readonly now: () => Date;
  readonly inspections: () => InspectionStore;
}

const stateSchema = z.record(
  z.string().regex(SHA256_PATTERN),
  z.strictObject({ importedAt: instantSchema, dismissedAt: instantSchema.optional() }),
);
type ReviewState = z.infer<typeof stateSchema>;

const refused = (path: string, zh: string, en: string): ReviewImport => ({
  status: 'refused',
  problems: [{ path, message: { 'zh-CN': zh, 'en-US': en } }],
});

export function openReviewStore({ dataDir, log, now, inspections }: Options): ReviewStore {
  const paths = dataPaths(dataDir);

  /** The inspection a feedback names, if this app holds it (trashed ones included). */
  const findInspection = (id: string): Inspection | null => {
    const summary = inspections()
      .list()
      .find((s) => s.id === id);
    if (!summary) return null;
    if (summary.trashedAt !== undefined) return null;
    return inspections().get(id);
  };

  const readState = (id: string): ReviewState => {
    const file = paths.reviewsStateFile(id);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return {};
    }
    const read = readJsonBytes(Buffer.from(text, 'utf8'));
    const parsed = read.ok ? stateSchema.safeParse(read.value) : null;
    if (parsed?.success) return parsed.data;
    const kept = quarantine(file, now());
    log.warn('reviews.state-corrupt', { inspection: id, keptAs: kept });
    return {};
  };

  const writeState = (id: string, state: ReviewState): void => {
    writeFileAtomic(paths.reviewsStateFile(id), `${JSON.stringify(state, null, 2)}\n`);
  };

  /** The feedback files kept for one inspection that still read as feedback. */
  const readReviews = (id: string): { sha256: string; feedback: Feedback }[] => {
    let names: string[];
    try {
      names = fs.readdirSync(paths.reviewsOf(id));
    } catch {
      return [];
    }
    const out: { sha256: string; feedback: Feedback }[] = [];
    for (const name of names) {
      const sha256 = /^([0-9a-f]{64})\.json$/.exec(name)?.[1];
      if (sha256 === undefined) continue;
      const file = paths.reviewFile(id, sha256);
      const read = readJsonBytes(fs.readFileSync(file));
      const check = read.ok ? checkFeedback(read.value) : null;
      if (check?.ok && check.feedback.inspection.id === id) {
        out.push({ sha256, feedback: check.feedback });
      } else {
        log.warn('reviews.file-corrupt', { inspection: id, keptAs: quarantine(file, now()) });
      }
    }
    return out;
  };

  const list = (id: string): BureauReview[] => {
    if (!INSPECTION_ID_PATTERN.test(id)) return [];
    const inspection = findInspection(id);
    const state = readState(id);
    return newestFirst(
      readReviews(id).map(({ sha256, feedback }) => ({
        sha256,
        importedAt: state[sha256]?.importedAt ?? feedback.reviewedAt,
        dismissedAt: state[sha256]?.dismissedAt ?? null,
        version: inspection ? reviewVersion(feedback, inspection) : 'unknown',
        feedback,
      })),
    );
  };

  return {
    import(bytes) {
      if (bytes.length > MAX_FEEDBACK_BYTES) {
        return refused(
          '$',
          `文件太大（超过 ${MAX_FEEDBACK_BYTES / 1024 / 1024} MB），不是教育局意见文件`,
          `the file is too large (over ${MAX_FEEDBACK_BYTES / 1024 / 1024} MB) to be a bureau feedback file`,
        );
      }
      const read = readJsonBytes(bytes);
      if (!read.ok) return refused('$', read.problem['zh-CN'], read.problem['en-US']);
      const check = checkFeedback(read.value);
      if (!check.ok) return { status: 'refused', problems: check.problems };
      const { feedback } = check;
      const id = feedback.inspection.id;
      const inspection = findInspection(id);
      const mismatch = feedbackMismatch(feedback, inspection);
      if (mismatch || !inspection) {
        return refused('$.inspection', mismatch!['zh-CN'], mismatch!['en-US']);
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const file = paths.reviewFile(id, sha256);
      const duplicate = fs.existsSync(file);
      if (!duplicate) {
        fs.mkdirSync(paths.reviewsOf(id), { recursive: true });
        writeFileAtomic(file, bytes);
        writeState(id, { ...readState(id), [sha256]: { importedAt: now().toISOString() } });
        log.info('reviews.imported', { inspection: id, sha256, decision: feedback.decision });
      }
      return {
        status: 'imported',
        inspectionId: id,
        schoolName: feedback.inspection.schoolName,
        period: feedback.inspection.period,
        decision: feedback.decision,
        version: reviewVersion(feedback, inspection),
        duplicate,
      };
    },
    list,
    latest() {
      let ids: string[];
      try {
        ids = fs.readdirSync(paths.reviews).filter((n) => INSPECTION_ID_PATTERN.test(n));
      } catch {
        return [];
      }
      const out: BureauReviewSummary[] = [];
      for (const id of ids) {
        const shown = list(id).find((r) => r.dismissedAt === null);
        if (!shown) continue;
        out.push({
          inspectionId: id,
          decision: shown.feedback.decision,
          bureau: shown.feedback.bureau.name,
          reviewedAt: shown.feedback.reviewedAt,
          version: shown.version,
          itemComments: shown.feedback.items.length,
        });
      }
      return out;
    },
    dismiss(id, sha256) {
      if (!fs.existsSync(paths.reviewFile(id, sha256))) return;
      const state = readState(id);
      const at = now().toISOString();
      const entry = state[sha256] ?? { importedAt: at };
      writeState(id, { ...state, [sha256]: { ...entry, dismissedAt: at } });
      log.info('reviews.dismissed', { inspection: id, sha256 });
    },
  };
}
