import type { Feedback } from '../../../../shared/bureau/feedback';
import { FEEDBACK_FORMAT } from '../../../../shared/bureau/feedback';
import type { Inspection } from '../../../../shared/inspection/schema';

/** A bureau's `qinglang-feedback/1` about a signed inspection: a return with one item comment. */
export function feedbackAbout(inspection: Inspection, extra: Partial<Feedback> = {}): Feedback {
  return {
    format: FEEDBACK_FORMAT,
    bureau: { name: '海淀区教育局', district: '海淀区' },
    inspection: {
      id: inspection.id,
      schoolCode: inspection.school.code,
      schoolName: inspection.school.name,
      period: inspection.period,
      contentHash: inspection.signoff!.contentHash,
      signedAt: inspection.signoff!.signedAt,
    },
    decision: 'returned',
    comment: '请补充佐证材料。',
    items: [{ itemId: 'some_item', comment: '缺少文件' }],
    reviewer: '王科长',
    reviewedAt: '2026-12-02T02:00:00.000Z',
    ...extra,
  };
}

/** A feedback file's bytes, as the school receives it. */
export const feedbackBytes = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');
