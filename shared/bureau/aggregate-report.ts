import { z } from 'zod';
import { bilingualSchema } from '../i18n/bilingual-schema';
import { LOCALES } from '../i18n/locale';
import { STAGES } from '../inspection/patterns';
import { periodSchema, sha256Schema } from '../inspection/schema';
import { instantSchema } from '../inspection/text';
import { districtFileCounts } from './district-sheets';
import { rejectedIntakeSchema } from './intake';
import type { District, DistrictSchool } from './merge';
import { schoolListEntrySchema } from './school-list';

/**
 * `qinglang aggregate --json` (docs/formats.md, "The aggregate report"): what a run read, kept,
 * rejected and found, for other programs. The schema is the definition; the district workbook
 * is the same result for people.
 */
export const AGGREGATE_REPORT_FORMAT = 'qinglang-aggregate-report/1';

const count = z.number().int().min(0);
const rate = z.number().min(0).max(1);

export const aggregateSchoolSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  district: z.string(),
  stage: z.enum(STAGES),
  /** The school's latest term among the files read. */
  period: periodSchema,
  template: z.strictObject({ id: z.string(), version: z.string(), hash: sha256Schema }),
  signed: z.boolean(),
  signer: z.string().optional(),
  /** The day written beside the signature. */
  signedOn: z.string().optional(),
  signedAt: instantSchema.optional(),
  keyFingerprint: sha256Schema.optional(),
  /** The file this row comes from, and its SHA-256. */
  file: z.string(),
  sha256: sha256Schema,
  counts: z.strictObject({
    compliant: count,
    partial: count,
    nonCompliant: count,
    na: count,
    unanswered: count,
  }),
  /** Compliant ÷ (answered and applicable), 0..1; null when nothing counts. */
  complianceRate: rate.nullable(),
  /** The previous term's rate, when a file of that term was read too. */
  previousRate: rate.nullable().optional(),
  /** complianceRate − previousRate, when both are known. */
  rateChange: z.number().min(-1).max(1).optional(),
  findings: count,
  openActions: count,
  overdueActions: count,
  /** Signed with another key than this school's earlier submission. */
  keyChange: z.strictObject({ previous: sha256Schema, current: sha256Schema }).optional(),
  /** On the school list (absent when no list was given). */
  listed: z.boolean().optional(),
});
export type AggregateSchool = z.infer<typeof aggregateSchoolSchema>;

export const aggregateDuplicateSchema = z.strictObject({
  file: z.string(),
  sha256: sha256Schema,
  schoolCode: z.string(),
  period: periodSchema,
  /** The file used instead. */
  keptFile: z.string(),
  reason: bilingualSchema,
});

export const aggregateReportSchema = z.strictObject({
  format: z.literal(AGGREGATE_REPORT_FORMAT),
  generatedAt: instantSchema,
  appVersion: z.string(),
  options: z.strictObject({
    /** The files and folders given, as given. */
    paths: z.array(z.string()),
    allowDrafts: z.boolean(),
    language: z.enum(LOCALES),
    /** The day overdue actions were judged on (YYYY-MM-DD). */
    today: z.string(),
    /** The school list's file, when one was given. */
    schools: z.string().optional(),
  }),
  files: z.strictObject({ read: count, accepted: count, rejected: count, duplicates: count }),
  schools: z.array(aggregateSchoolSchema),
  rejected: z.array(rejectedIntakeSchema.omit({ outcome: true })),
  duplicates: z.array(aggregateDuplicateSchema),
  /** Listed schools with no submission (empty when no list was given). */
  missing: z.array(schoolListEntrySchema),
});
export type AggregateReport = z.infer<typeof aggregateReportSchema>;

export interface AggregateReportOptions {
  readonly generatedAt: string;
  readonly appVersion: string;
  readonly options: AggregateReport['options'];
}

export function aggregateReport(district: District, meta: AggregateReportOptions): AggregateReport {
  return {
    format: AGGREGATE_REPORT_FORMAT,
    generatedAt: meta.generatedAt,
    appVersion: meta.appVersion,
    options: meta.options,
    files: districtFileCounts(district),
    schools: district.schools.map(schoolOf),
    rejected: district.rejected.map((r) => ({
      file: r.file,
      ...(r.sha256 !== undefined && { sha256: r.sha256 }),
      size: r.size,
      status: r.status,
      reason: r.reason,
    })),
    duplicates: district.duplicates.map((d) => ({
      file: d.file,
      sha256: d.sha256,
      schoolCode: d.schoolCode,
      period: d.period,
      keptFile: d.keptFile,
      reason: d.reason,
    })),
    missing: [...district.missing],
  };
}

function schoolOf(school: DistrictSchool): AggregateSchool {
  const { current } = school;
  const s = current.submission;
  return {
    code: school.code,
    name: school.name,
    district: school.district,
    stage: school.stage,
    period: s.period,
    template: s.template,
    signed: s.signed,
    ...(s.signer !== undefined && { signer: s.signer }),
    ...(s.signedOn !== undefined && { signedOn: s.signedOn }),
    ...(s.signedAt !== undefined && { signedAt: s.signedAt }),
    ...(s.keyFingerprint !== undefined && { keyFingerprint: s.keyFingerprint }),
    file: current.file,
    sha256: current.sha256,
    counts: s.counts,
    complianceRate: s.complianceRate,
    ...(school.previousRate !== undefined && { previousRate: school.previousRate }),
    ...(school.rateChange !== undefined && { rateChange: school.rateChange }),
    findings: s.findings.length,
    openActions: school.openActions,
    overdueActions: school.overdueActions,
    ...(current.keyChange && { keyChange: current.keyChange }),
    ...(school.listed !== undefined && { listed: school.listed }),
  };
}
