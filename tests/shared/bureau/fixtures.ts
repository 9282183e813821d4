import { createHash } from 'node:crypto';
import type { Sample } from '../../../electron/services/sample-data';
import { sampleData } from '../../../electron/services/sample-data';
import { LATEST_BUILT_IN } from '../../../electron/services/templates/template-store';
import type { AcceptedIntake, RejectedIntake } from '../../../shared/bureau/intake';
import type { Submission, SubmissionTemplate } from '../../../shared/bureau/submission';
import { submissionTemplate, summariseSubmission } from '../../../shared/bureau/submission';
import type { Template } from '../../../shared/template/schema';
import type { WorkbookEnvelope } from '../../../shared/workbook/envelope';
import { WORKBOOK_FORMAT, workbookInspection } from '../../../shared/workbook/envelope';

/**
 * Intakes as the bureau's reading would give them, straight from sample inspections (the
 * envelope a workbook carries, without writing and reading the workbook).
 */

export const TODAY = '2026-12-15';

export interface Intake {
  readonly accepted: AcceptedIntake;
  readonly template: SubmissionTemplate;
}

export function intakeOf(
  sample: Sample,
  template: Template = LATEST_BUILT_IN,
  file?: string,
): Intake {
  const envelope: WorkbookEnvelope = {
    format: WORKBOOK_FORMAT,
    language: 'zh-CN',
    appVersion: '0.1.0-test',
    inspection: workbookInspection(sample.inspection),
    template,
  };
  const submission = summariseSubmission(envelope, TODAY);
  const json = JSON.stringify(envelope);
  return {
    accepted: {
      outcome: 'accepted',
      file:
        file ??
        `${submission.school.code}-${submission.period.year}-${submission.period.term}.xlsx`,
      sha256: createHash('sha256').update(json).digest('hex'),
      size: json.length,
      kind: 'workbook',
      submission,
    },
    template: submissionTemplate(envelope),
  };
}

export interface SampleSet {
  readonly seed: string;
  readonly asOf: string;
  readonly count: number;
  readonly signing?: 'all' | 'none' | 'varied';
  readonly template?: Template;
}

export const intakes = ({ signing = 'all', template = LATEST_BUILT_IN, ...rest }: SampleSet) =>
  sampleData({ ...rest, signing, template }).map((s) => intakeOf(s, template));

export const templatesOf = (list: readonly Intake[]) =>
  new Map(list.map((i) => [i.template.hash, i.template] as const));

/** A copy of an intake whose submission is changed (another file, another signing time…). */
export function changed(
  intake: AcceptedIntake,
  file: string,
  sha256: string,
  change: Partial<Submission>,
): AcceptedIntake {
  return { ...intake, file, sha256, submission: { ...intake.submission, ...change } };
}

export const textFileRejected: RejectedIntake = {
  outcome: 'rejected',
  file: 'notes.xlsx',
  size: 12,
  status: 'not-workbook',
  reason: { 'zh-CN': '不是工作簿', 'en-US': 'not a workbook' },
};
