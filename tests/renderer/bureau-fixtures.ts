import type { StoredSubmission } from '../../shared/bureau/store-index';
import type { Submission, SubmissionTemplate } from '../../shared/bureau/submission';
import type { BureauState } from '../../shared/ipc/bureau';

/** A small checklist and hand-made submissions for the 汇总 page's tests (no Node side). */
export const TEMPLATE_HASH = 'a'.repeat(64);

const bi = (zh: string, en: string) => ({ 'zh-CN': zh, 'en-US': en });

export const BUREAU_TEMPLATE: SubmissionTemplate = {
  id: 'school_security',
  version: '2026.2',
  hash: TEMPLATE_HASH,
  title: bi('中小学校网络安全自查表', 'School network-security checklist'),
  items: [
    {
      id: 'org_leader',
      sectionId: 'org',
      section: bi('组织', 'Organisation'),
      prompt: bi('明确网络安全责任人', 'A person is responsible'),
    },
    {
      id: 'org_plan',
      sectionId: 'org',
      section: bi('组织', 'Organisation'),
      prompt: bi('制定应急预案', 'An incident plan exists'),
    },
    {
      id: 'edu_week',
      sectionId: 'edu',
      section: bi('宣传教育', 'Education'),
      prompt: bi('参与网络安全宣传周', 'Took part in security week'),
    },
  ],
};

export function submissionOf(
  code: string,
  district: string,
  stage: Submission['school']['stage'],
  items: Submission['items'],
): Submission {
  return {
    inspectionId: `0000000${code.slice(-1)}-2a61-4c1a-9a5e-1f0e8c7d6b5a`,
    school: {
      name: `${district}第${code.slice(-1)}中学`,
      code,
      district,
      stage,
      address: '',
      contactName: '',
      contactPhone: '',
    },
    period: { year: 2026, term: 'autumn' },
    inspector: '李明',
    template: { id: 'school_security', version: '2026.2', hash: TEMPLATE_HASH },
    signed: true,
    signer: '张校长',
    signedOn: '2026-11-20',
    signedAt: '2026-11-20T08:00:00.000Z',
    keyFingerprint: 'd'.repeat(64),
    contentHash: 'c'.repeat(64),
    updatedAt: '2026-11-20T07:00:00.000Z',
    judgedOn: '2026-11-20',
    counts: { compliant: 1, partial: 1, nonCompliant: 1, na: 0, unanswered: 0 },
    complianceRate: 0.5,
    items,
    findings: [
      {
        itemId: 'org_plan',
        effect: 'non-compliant',
        message: bi('没有应急预案', 'No incident plan'),
      },
    ],
    actions: [
      {
        id: 'a1',
        itemId: 'org_plan',
        description: '制定预案',
        owner: '王老师',
        due: '2026-01-01',
        state: 'open',
      },
    ],
    language: 'zh-CN',
    appVersion: '0.1.0',
  };
}

export const stored = (sha: string, submission: Submission): StoredSubmission => ({
  outcome: 'accepted',
  file: `收到/${submission.school.code}.xlsx`,
  sha256: sha,
  size: 1000,
  kind: 'workbook',
  submission,
  receivedAt: '2026-11-25T08:00:00.000Z',
});

export const SHA_A = '1'.repeat(64);
export const SHA_B = '2'.repeat(64);

/** Two schools in two districts: one fails org_plan, the other is partial on it. */
export function bureauState(overrides: Partial<BureauState> = {}): BureauState {
  return {
    submissions: [
      stored(
        SHA_A,
        submissionOf('2100000001', '云溪区', 'primary', {
          org_leader: 'compliant',
          org_plan: 'non-compliant',
          edu_week: 'partial',
        }),
      ),
      stored(
        SHA_B,
        submissionOf('2100000002', '清河区', 'junior', {
          org_leader: 'compliant',
          org_plan: 'partial',
          edu_week: 'compliant',
        }),
      ),
    ],
    rejected: [],
    templates: [BUREAU_TEMPLATE],
    reviews: {},
    schools: null,
    counts: { inspections: 0, submissions: 2 },
    ...overrides,
  };
}
