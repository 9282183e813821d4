import { describe, expect, it } from 'vitest';
import { reviewInspection } from '../../../shared/inspection/review';
import type { Inspection } from '../../../shared/inspection/schema';
import { item, template } from '../template/fixtures';
import { action, b, evidence, newInspection, NOW, row } from './fixtures';

const TODAY = '2026-11-30';

/** Two sections: a required check with required evidence, a yes/no rule; a register with a row rule. */
const REVIEWED = template(
  [
    item('check', 'leader', { required: true, evidence: 'required' }),
    item('yesno', 'budget', { rules: [{ kind: 'equals', value: 'no', effect: 'partial' }] }),
    item('text', 'admin', { required: true, multiline: false }),
  ],
  [
    item('register', 'hazards', {
      columns: [
        { id: 'name', kind: 'text', label: b('问题', 'Problem'), required: true },
        { id: 'fixed', kind: 'yesno', label: b('已整改', 'Fixed'), required: false },
      ],
      rowRules: [
        {
          id: 'open',
          when: { ref: 'fixed', op: 'eq', value: 'no' },
          effect: 'non-compliant',
          message: b('未整改', 'not fixed'),
        },
        {
          id: 'check',
          when: { ref: 'fixed', op: 'eq', value: 'no' },
          effect: 'warning',
          message: b('请复查', 'check again'),
        },
      ],
    }),
  ],
);

const answer = (value: string, refs = 0) => ({
  value,
  evidence: Array.from({ length: refs }, (_, i) => evidence(i + 1)),
  updatedAt: NOW,
});

const review = (inspection: Inspection) => reviewInspection(REVIEWED, inspection, TODAY);

describe('reviewInspection', () => {
  it('blocks a new inspection on every required item, in template order, and on nothing else', () => {
    expect(review(newInspection()).blockers).toEqual([
      { kind: 'unanswered', itemId: 'leader', sectionId: 's0' },
      { kind: 'unanswered', itemId: 'admin', sectionId: 's0' },
    ]);
  });

  it('blocks a finding without an action, required evidence left out, and each flagged row', () => {
    const inspection = newInspection({
      answers: { leader: answer('partial'), budget: answer('no'), admin: answer('王') },
      registers: {
        hazards: [
          row('h1', { name: '弱口令', fixed: 'no' }),
          row('h2', { name: '暗链', fixed: 'yes' }),
        ],
      },
    });
    const { blockers, flaggedRows } = review(inspection);
    expect(blockers).toEqual([
      { kind: 'evidence-missing', itemId: 'leader', sectionId: 's0' },
      { kind: 'finding-without-action', itemId: 'leader', sectionId: 's0', status: 'partial' },
      { kind: 'finding-without-action', itemId: 'budget', sectionId: 's0', status: 'partial' },
      {
        kind: 'row-without-action',
        itemId: 'hazards',
        sectionId: 's1',
        rowId: 'h1',
        row: 0,
        messages: [b('未整改', 'not fixed')],
      },
    ]);
    // A warning flags no row; the row's non-compliance is followed up on the row, not the item.
    expect(flaggedRows).toEqual([
      {
        itemId: 'hazards',
        sectionId: 's1',
        rowId: 'h1',
        row: 0,
        effect: 'non-compliant',
        messages: [b('未整改', 'not fixed')],
        actionIds: [],
      },
    ]);
  });

  it('is clear of blockers once each finding and flagged row has an action, and evidence is in', () => {
    const inspection = newInspection({
      answers: { leader: answer('partial', 1), budget: answer('no'), admin: answer('王') },
      registers: { hazards: [row('h1', { name: '弱口令', fixed: 'no' })] },
      actions: [
        action('a1', 'leader'),
        action('a2', 'budget', { state: 'done', doneOn: TODAY, doneNote: '已列入预算' }),
        action('a3', 'hazards', { rowId: 'h1' }),
      ],
    });
    const result = review(inspection);
    expect(result.blockers).toEqual([]);
    expect(result.flaggedRows[0]?.actionIds).toEqual(['a3']);
    expect(result.openActions.map((a) => a.id)).toEqual(['a1', 'a3']);
  });

  it('does not take an action on another row, or on the register itself, for a flagged row', () => {
    const inspection = newInspection({
      answers: { leader: answer('compliant', 1), admin: answer('王') },
      registers: {
        hazards: [
          row('h1', { name: '弱口令', fixed: 'no' }),
          row('h2', { name: '暗链', fixed: 'no' }),
        ],
      },
      actions: [action('a1', 'hazards', { rowId: 'h2' }), action('a2', 'hazards')],
    });
    expect(
      review(inspection).blockers.map((x) => x.kind === 'row-without-action' && x.rowId),
    ).toEqual(['h1']);
  });

  it('needs no evidence for 不适用, and counts compliance by section', () => {
    const inspection = newInspection({
      answers: { leader: answer('na'), budget: answer('yes'), admin: answer('王') },
      registers: { hazards: [row('h1', { name: '弱口令', fixed: 'yes' })] },
    });
    const result = review(inspection);
    expect(result.blockers).toEqual([]);
    expect(result.sections).toEqual([
      {
        id: 's0',
        counts: { compliant: 1, partial: 0, nonCompliant: 0, na: 1, unanswered: 0 },
        complianceRate: 1,
        answered: 3,
        applicable: 3,
      },
      {
        id: 's1',
        counts: { compliant: 1, partial: 0, nonCompliant: 0, na: 0, unanswered: 0 },
        complianceRate: 1,
        answered: 1,
        applicable: 1,
      },
    ]);
  });

  it('counts overdue actions as of today, and lists findings without warnings', () => {
    const inspection = newInspection({
      answers: { leader: answer('non-compliant', 1), admin: answer('王') },
      registers: { hazards: [row('h1', { name: '弱口令', fixed: 'no' })] },
      actions: [
        action('a1', 'leader', { due: '2026-11-29' }),
        action('a2', 'leader', { due: TODAY }),
      ],
    });
    const result = review(inspection);
    expect(result.overdueActions).toBe(1);
    expect(result.findings.map((f) => f.itemId)).toEqual(['leader', 'hazards']);
    expect(result.sections[0]?.complianceRate).toBe(0);
  });
});

describe('a signed inspection', () => {
  const dated = template([
    item('date', 'scanned', { rules: [{ kind: 'older-than', days: 90, effect: 'partial' }] }),
  ]);
  const scanned = (signoff?: { date: string }) =>
    newInspection({
      answers: { scanned: { value: '2026-09-01', evidence: [], updatedAt: NOW } },
      ...(signoff && { state: 'signed', signoff: signoff as never }),
    });

  it('is judged as of the day it was signed, not drifting as dates pass', () => {
    const later = '2027-03-01';
    expect(reviewInspection(dated, scanned(), later).evaluation.items.scanned?.status).toBe(
      'partial',
    );
    expect(
      reviewInspection(dated, scanned({ date: '2026-11-30' }), later).evaluation.items.scanned
        ?.status,
    ).toBe('compliant');
  });

  it('still counts its actions overdue as of today', () => {
    const inspection = {
      ...scanned({ date: '2026-11-30' }),
      actions: [action('a1', 'scanned', { due: '2026-12-31' })],
    };
    expect(reviewInspection(dated, inspection, '2027-01-15').overdueActions).toBe(1);
  });
});
