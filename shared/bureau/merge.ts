import type { Bilingual } from '../i18n/locale';
import { periodKey } from '../inspection/period';
import { own } from '../own';
import type { AcceptedIntake, RejectedIntake } from './intake';
import type { SchoolListEntry } from './school-list';
import { isOverdue } from '../inspection/summary';
import type {
  Submission,
  SubmissionAction,
  SubmissionItemStatus,
  SubmissionTemplate,
} from './submission';

/**
 * Merging what a bureau received into a district view (docs/formats.md, "Aggregating"): one
 * submission kept per school and term, the rest reported; one row per school for its latest
 * term; and a matrix of items × schools across every checklist version in use. Pure: the CLI,
 * the 汇总 page and the district workbook all read this one result.
 */

export interface MergeOptions {
  /** Unsigned drafts are rejected unless allowed. */
  readonly allowDrafts: boolean;
  /** The day overdue is judged on. */
  readonly today: string;
  /** The bureau's list of schools, to name those that sent nothing. */
  readonly schools?: readonly SchoolListEntry[];
  /** Key fingerprints already accepted from each school (by code), oldest first. */
  readonly knownKeys?: Readonly<Record<string, readonly string[]>>;
}

/** A submission kept, with what the clerk should look at. */
export interface KeptSubmission extends AcceptedIntake {
  /** Signed with a key other than the one this school used before. */
  readonly keyChange?: { readonly previous: string; readonly current: string };
}

/** A second file for a school and term that already has one kept. */
export interface Duplicate {
  readonly file: string;
  readonly sha256: string;
  readonly schoolCode: string;
  readonly period: Submission['period'];
  /** The file kept instead. */
  readonly keptFile: string;
  readonly reason: Bilingual;
}

/** One row of the dashboard: a school's latest term. */
export interface DistrictSchool {
  readonly code: string;
  readonly name: string;
  readonly district: string;
  readonly stage: Submission['school']['stage'];
  readonly current: KeptSubmission;
  /** The compliance rate in the school's previous term, when the bureau has that term. */
  readonly previousRate?: number | null;
  /** This term's rate less the previous one's, when both are known. */
  readonly rateChange?: number;
  readonly openActions: number;
  readonly overdueActions: number;
  /** Whether it is on the bureau's list (undefined when no list is loaded). */
  readonly listed?: boolean;
}

export type MatrixStatus = SubmissionItemStatus | 'absent';

/** One row of the matrix: an item, and what each school's latest submission says about it. */
export interface DistrictItem {
  readonly id: string;
  readonly sectionId: string;
  readonly section: Bilingual;
  readonly prompt: Bilingual;
  readonly nonCompliant: number;
  readonly partial: number;
  /** Schools whose checklist version does not have this item. */
  readonly absent: number;
  /** By school code. */
  readonly bySchool: Readonly<Record<string, MatrixStatus>>;
}

export interface District {
  /** Every submission kept, all terms, ordered by school code then term. */
  readonly kept: readonly KeptSubmission[];
  readonly duplicates: readonly Duplicate[];
  /** Files rejected on reading, and drafts when drafts are not allowed. */
  readonly rejected: readonly RejectedIntake[];
  readonly schools: readonly DistrictSchool[];
  readonly items: readonly DistrictItem[];
  /** Listed schools with no submission at all (empty without a list). */
  readonly missing: readonly SchoolListEntry[];
  /** The checklist versions the schools' latest submissions use, newest first. */
  readonly templates: readonly SubmissionTemplate[];
}

/** Open actions whose deadline has passed, as of `today`. */
export function overdueActions(submission: Submission, today: string): SubmissionAction[] {
  return submission.actions.filter((a) => isOverdue(a, today));
}

const b = (zh: string, en: string): Bilingual => ({ 'zh-CN': zh, 'en-US': en });

/** Which of two submissions of one school and term is kept: signed beats draft, then latest. */
function isNewer(a: Submission, than: Submission): boolean {
  if (a.signed !== than.signed) return a.signed;
  const at = (s: Submission) => s.signedAt ?? s.updatedAt;
  return at(a) > at(than);
}

const slot = (s: Submission) => `${s.school.code}\u0000${periodKey(s.period)}`;

export function mergeDistrict(
  accepted: readonly AcceptedIntake[],
  rejectedOnRead: readonly RejectedIntake[],
  templates: ReadonlyMap<string, SubmissionTemplate>,
  options: MergeOptions,
): District {
  const rejected: RejectedIntake[] = [...rejectedOnRead];
  const candidates: AcceptedIntake[] = [];
  for (const intake of accepted) {
    if (intake.submission.signed || options.allowDrafts) candidates.push(intake);
    else rejected.push(draftRejection(intake));
  }
  const { kept, duplicates } = keepLatest(candidates);
  const flagged = flagKeyChanges(kept, options.knownKeys ?? {});
  const schools = schoolRows(flagged, options);
  const current = schools.map((s) => s.current);
  const used = usedTemplates(current, templates);
  const listed = new Set(schools.map((s) => s.code));
  return {
    kept: flagged,
    duplicates,
    rejected,
    schools,
    items: matrix(current, used, templates),
    missing: (options.schools ?? []).filter((s) => !listed.has(s.code)),
    templates: used,
  };
}

function draftRejection(intake: AcceptedIntake): RejectedIntake {
  return {
    outcome: 'rejected',
    file: intake.file,
    sha256: intake.sha256,
    size: intake.size,
    status: 'draft',
    reason: b(
      '未签字的草稿，不能作为正式报送（要汇总草稿，请选择“包括未签字的草稿”，命令行加 --allow-drafts）',
      'an unsigned draft, not an official submission (to merge drafts, choose "Include unsigned drafts", or --allow-drafts on the command line)',
    ),
  };
}

function keepLatest(candidates: readonly AcceptedIntake[]): {
  kept: AcceptedIntake[];
  duplicates: Duplicate[];
} {
  const bySlot = new Map<string, AcceptedIntake>();
  const losers: AcceptedIntake[] = [];
  for (const intake of candidates) {
    const key = slot(intake.submission);
    const held = bySlot.get(key);
    if (!held) bySlot.set(key, intake);
    else if (held.sha256 === intake.sha256) losers.push(intake);
    else if (isNewer(intake.submission, held.submission)) {
      losers.push(held);
      bySlot.set(key, intake);
    } else losers.push(intake);
  }
  const duplicates = losers.map((loser): Duplicate => {
    const keptFile = bySlot.get(slot(loser.submission))!;
    const same = keptFile.sha256 === loser.sha256;
    return {
      file: loser.file,
      sha256: loser.sha256,
      schoolCode: loser.submission.school.code,
      period: loser.submission.period,
      keptFile: keptFile.file,
      reason: same
        ? b(`与 ${keptFile.file} 是同一个文件`, `the same file as ${keptFile.file}`)
        : b(
            `同一学校同一学期的较早版本，已保留较新的 ${keptFile.file}`,
            `an earlier submission for the same school and term; the later ${keptFile.file} was kept`,
          ),
    };
  });
  const kept = [...bySlot.values()].sort(
    (x, y) =>
      compareText(x.submission.school.code, y.submission.school.code) ||
      compareText(periodKey(x.submission.period), periodKey(y.submission.period)),
  );
  return { kept, duplicates };
}

const compareText = (a: string, b2: string) => (a < b2 ? -1 : a > b2 ? 1 : 0);

/** Oldest first (by signing time), each school's keys compared with the ones seen before. */
function flagKeyChanges(
  kept: readonly AcceptedIntake[],
  knownKeys: Readonly<Record<string, readonly string[]>>,
): KeptSubmission[] {
  const seen = new Map<string, string[]>();
  const order = [...kept].sort((x, y) =>
    compareText(x.submission.signedAt ?? '', y.submission.signedAt ?? ''),
  );
  const flags = new Map<AcceptedIntake, KeptSubmission['keyChange']>();
  for (const intake of order) {
    const { code } = intake.submission.school;
    const key = intake.submission.keyFingerprint;
    if (!key) continue;
    const before = seen.get(code) ?? [...(own(knownKeys, code) ?? [])];
    const previous = before[before.length - 1];
    if (previous !== undefined && !before.includes(key))
      flags.set(intake, { previous, current: key });
    if (!before.includes(key)) before.push(key);
    seen.set(code, before);
  }
  return kept.map((intake) => {
    const keyChange = flags.get(intake);
    return keyChange ? { ...intake, keyChange } : intake;
  });
}

function schoolRows(kept: readonly KeptSubmission[], options: MergeOptions): DistrictSchool[] {
  const bySchool = new Map<string, KeptSubmission[]>();
  for (const k of kept) {
    const list = bySchool.get(k.submission.school.code) ?? [];
    list.push(k);
    bySchool.set(k.submission.school.code, list);
  }
  const listed = options.schools ? new Set(options.schools.map((s) => s.code)) : undefined;
  const rows: DistrictSchool[] = [];
  for (const [code, terms] of bySchool) {
    // `kept` is ordered by term, so the last is the latest and the one before it the previous.
    const current = terms[terms.length - 1]!;
    const previous = terms[terms.length - 2];
    const rate = current.submission.complianceRate;
    const previousRate = previous?.submission.complianceRate;
    const school = current.submission.school;
    rows.push({
      code,
      name: school.name,
      district: school.district,
      stage: school.stage,
      current,
      ...(previous && { previousRate: previousRate ?? null }),
      ...(previous &&
        rate !== null &&
        previousRate !== null &&
        previousRate !== undefined && { rateChange: rate - previousRate }),
      openActions: current.submission.actions.filter((a) => a.state === 'open').length,
      overdueActions: overdueActions(current.submission, options.today).length,
      ...(listed && { listed: listed.has(code) }),
    });
  }
  return rows.sort((x, y) => compareText(x.district, y.district) || compareText(x.code, y.code));
}

/** The versions in use, newest first (a version is later when it sorts later, numerically). */
function usedTemplates(
  current: readonly KeptSubmission[],
  templates: ReadonlyMap<string, SubmissionTemplate>,
): SubmissionTemplate[] {
  const hashes = new Set(current.map((k) => k.submission.template.hash));
  const used = [...hashes].flatMap((h) => templates.get(h) ?? []);
  return used.sort(
    (x, y) =>
      compareText(x.id, y.id) || -x.version.localeCompare(y.version, 'en', { numeric: true }),
  );
}

function matrix(
  current: readonly KeptSubmission[],
  used: readonly SubmissionTemplate[],
  templates: ReadonlyMap<string, SubmissionTemplate>,
): DistrictItem[] {
  // Items merge by id: the newest version's wording and order first, then what only older
  // versions asked.
  const rows = new Map<string, SubmissionTemplate['items'][number]>();
  for (const template of used)
    for (const item of template.items) if (!rows.has(item.id)) rows.set(item.id, item);
  const itemSets = new Map<string, Set<string>>();
  for (const [hash, t] of templates) itemSets.set(hash, new Set(t.items.map((i) => i.id)));
  return [...rows.values()].map((item) => {
    const bySchool: Record<string, MatrixStatus> = {};
    let nonCompliant = 0;
    let partial = 0;
    let absent = 0;
    for (const k of current) {
      const has = itemSets.get(k.submission.template.hash)?.has(item.id) ?? false;
      const status: MatrixStatus = has
        ? (own(k.submission.items, item.id) ?? 'unanswered')
        : 'absent';
      bySchool[k.submission.school.code] = status;
      if (status === 'non-compliant') nonCompliant += 1;
      else if (status === 'partial') partial += 1;
      else if (status === 'absent') absent += 1;
    }
    return { ...item, nonCompliant, partial, absent, bySchool };
  });
}
