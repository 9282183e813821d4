import { describe, expect, it } from 'vitest';
import { canonicalText } from '../../../shared/inspection/canonical';
import {
  applied,
  evidence,
  frozen,
  LATER,
  newInspection,
  NOW,
  refused,
  ROW_GONE,
  sha,
} from './fixtures';

describe('applyChanges: answers and notes', () => {
  it('sets an answer on an unanswered item, with the edit time', () => {
    const { inspection, before } = frozen(newInspection());
    const next = applied(inspection, [{ kind: 'answer', itemId: 'log_days', value: 90 }]);
    expect(next.answers).toEqual({ log_days: { value: 90, evidence: [], updatedAt: NOW } });
    expect(next.updatedAt).toBe(NOW);
    expect(canonicalText(inspection)).toBe(before);
    expect(inspection.answers).toEqual({});
  });

  it('replaces a value and keeps the note and evidence of the answer', () => {
    const { inspection } = frozen();
    const next = applied(inspection, [
      { kind: 'answer', itemId: 'leading_group', value: 'partial' },
    ]);
    expect(next.answers.leading_group).toEqual({
      value: 'partial',
      note: '已成立',
      evidence: [evidence(1)],
      updatedAt: NOW,
    });
  });

  it('takes text, numbers and lists of choices as values', () => {
    const next = applied(newInspection(), [
      { kind: 'answer', itemId: 'backup', value: 'router' },
      { kind: 'answer', itemId: 'log_days', value: 0 },
      { kind: 'answer', itemId: 'has_budget', value: ['a', 'b'] },
    ]);
    expect(next.answers.backup?.value).toBe('router');
    expect(next.answers.log_days?.value).toBe(0);
    expect(next.answers.has_budget?.value).toEqual(['a', 'b']);
  });

  it('clears a value with null but keeps an answer that still has a note or evidence', () => {
    const next = applied(frozen().inspection, [
      { kind: 'answer', itemId: 'leading_group', value: null },
    ]);
    expect(next.answers.leading_group).toEqual({
      note: '已成立',
      evidence: [evidence(1)],
      updatedAt: NOW,
    });
    expect(Object.hasOwn(next.answers.leading_group!, 'value')).toBe(false);
  });

  it('removes an answer with nothing left in it', () => {
    const next = applied(frozen().inspection, [
      { kind: 'answer', itemId: 'has_budget', value: null },
    ]);
    expect(Object.keys(next.answers)).toEqual(['leading_group']);
    const emptied = applied(next, [
      { kind: 'answer', itemId: 'leading_group', value: null },
      { kind: 'note', itemId: 'leading_group', note: '' },
      { kind: 'evidence-remove', itemId: 'leading_group', sha256: sha(1) },
    ]);
    expect(emptied.answers).toEqual({});
  });

  it('sets a note alone, and an empty note clears it', () => {
    const withNote = applied(newInspection(), [
      { kind: 'note', itemId: 'has_budget', note: '预算已报区教育局\n待批复' },
    ]);
    expect(withNote.answers.has_budget).toEqual({
      note: '预算已报区教育局\n待批复',
      evidence: [],
      updatedAt: NOW,
    });
    const cleared = applied(withNote, [{ kind: 'note', itemId: 'has_budget', note: '' }], LATER);
    expect(cleared.answers).toEqual({});
    expect(cleared.updatedAt).toBe(LATER);
  });

  it('keeps the value when only the note is cleared', () => {
    const next = applied(frozen().inspection, [
      { kind: 'note', itemId: 'leading_group', note: '' },
    ]);
    expect(next.answers.leading_group).toEqual({
      value: 'compliant',
      evidence: [evidence(1)],
      updatedAt: NOW,
    });
  });

  it('leaves other answers as they were, the very same objects', () => {
    const { inspection } = frozen();
    const next = applied(inspection, [{ kind: 'answer', itemId: 'log_days', value: 365 }]);
    expect(next.answers.leading_group).toBe(inspection.answers.leading_group);
    expect(next.registers).toBe(inspection.registers);
    expect(next.actions).toBe(inspection.actions);
  });
});

describe('applyChanges: evidence', () => {
  it('adds evidence to an item, skipping files it already has (by SHA-256)', () => {
    const { inspection, before } = frozen();
    const next = applied(inspection, [
      {
        kind: 'evidence-add',
        itemId: 'leading_group',
        refs: [evidence(1, 'renamed copy.jpg'), evidence(3)],
      },
    ]);
    expect(next.answers.leading_group?.evidence).toEqual([evidence(1), evidence(3)]);
    expect(next.answers.leading_group?.updatedAt).toBe(NOW);
    expect(canonicalText(inspection)).toBe(before);
  });

  it('adds evidence to an unanswered item: the answer holds only the evidence', () => {
    const next = applied(newInspection(), [
      { kind: 'evidence-add', itemId: 'log_days', refs: [evidence(7)] },
    ]);
    expect(next.answers).toEqual({ log_days: { evidence: [evidence(7)], updatedAt: NOW } });
  });

  it('adds a file once even when the same change names it twice', () => {
    const next = applied(newInspection(), [
      { kind: 'evidence-add', itemId: 'log_days', refs: [evidence(5), evidence(5, 'again.jpg')] },
    ]);
    expect(next.answers.log_days?.evidence).toEqual([evidence(5)]);
  });

  it('removes evidence from an item by SHA-256', () => {
    const next = applied(frozen().inspection, [
      { kind: 'evidence-add', itemId: 'leading_group', refs: [evidence(3)] },
      { kind: 'evidence-remove', itemId: 'leading_group', sha256: sha(1) },
    ]);
    expect(next.answers.leading_group?.evidence).toEqual([evidence(3)]);
    expect(next.answers.leading_group?.value).toBe('compliant');
  });

  it('adds and removes evidence on one register row, leaving the others alone', () => {
    const { inspection, before } = frozen();
    const added = applied(inspection, [
      { kind: 'evidence-add', itemId: 'devices', rowId: 'r1', refs: [evidence(4)] },
      { kind: 'evidence-add', itemId: 'devices', rowId: 'r2', refs: [evidence(2), evidence(6)] },
    ]);
    expect(added.registers.devices?.map((r) => r.evidence)).toEqual([
      [evidence(4)],
      [evidence(2), evidence(6)],
    ]);
    expect(added.answers).toBe(inspection.answers);
    const removed = applied(added, [
      { kind: 'evidence-remove', itemId: 'devices', rowId: 'r2', sha256: sha(2) },
    ]);
    expect(removed.registers.devices?.map((r) => r.evidence)).toEqual([
      [evidence(4)],
      [evidence(6)],
    ]);
    expect(canonicalText(inspection)).toBe(before);
  });

  it('refuses evidence for a row that is not there', () => {
    const message = refused(frozen().inspection, [
      { kind: 'evidence-add', itemId: 'devices', rowId: 'gone', refs: [evidence(4)] },
    ]);
    expect(message).toEqual(ROW_GONE);
    expect(
      refused(newInspection(), [
        { kind: 'evidence-remove', itemId: 'devices', rowId: 'r1', sha256: sha(2) },
      ]),
    ).toEqual(ROW_GONE);
  });
});
