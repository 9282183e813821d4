import { describe, expect, it } from 'vitest';
import { checkInspectionShape } from '../../../shared/inspection/check';
import { changeProblem, cleanChange, cleanText } from '../../../shared/inspection/edit-limits';
import type { Change } from '../../../shared/inspection/changes';
import { LIMITS, TEXT_LIMITS } from '../../../shared/inspection/patterns';
import { action, applied, evidence, filledInspection, newInspection, row } from './fixtures';

describe('cleanText', () => {
  it('drops the invisible marks Windows puts around a copied phone number, and control characters', () => {
    expect(cleanText('\u202A010-6200 0000\u202C')).toBe('010-6200 0000');
    expect(cleanText('a\u0000b\u0007c\u202Ed\u2066e\u009bf')).toBe('abcdef');
  });

  it('keeps tabs, line breaks and every ordinary character', () => {
    expect(cleanText('第一行\r\n第二行\t备注 ✓ é')).toBe('第一行\r\n第二行\t备注 ✓ é');
  });

  it('makes every text of an edit acceptable to the schema', () => {
    const changes: Change[] = [
      { kind: 'note', itemId: 'leading_group', note: '备注\u202E' },
      { kind: 'answer', itemId: 'policy_text', value: '制度\u0001' },
      { kind: 'cell', itemId: 'devices', rowId: 'r1', columnId: 'name', value: '交换机\u2066' },
      {
        kind: 'rows-insert',
        itemId: 'devices',
        index: 0,
        rows: [row('r9', { name: '防火墙\u202A' })],
      },
    ];
    const cleaned = changes.map(cleanChange);
    const after = applied(filledInspection(), cleaned);
    expect(checkInspectionShape(after).ok).toBe(true);
    expect(after.registers.devices?.[0]?.cells.name).toBe('防火墙');
  });

  it('cleans what was done with an action, and the inspector', () => {
    const done = action('a1', 'has_budget', {
      state: 'done',
      doneOn: '2026-11-20',
      doneNote: '已追加\u202E预算',
      owner: '\u202A王主任\u202C',
    });
    const put = cleanChange({ kind: 'action-put', action: done });
    expect(put).toMatchObject({ action: { doneNote: '已追加预算', owner: '王主任' } });
    const details = cleanChange({ kind: 'details', inspector: '李明\u2066' });
    expect(details).toEqual({ kind: 'details', inspector: '李明' });
    const period = { kind: 'details', period: { year: 2027, term: 'spring' } } as const;
    expect(cleanChange(period)).toEqual(period);
    // An open action gets no record it did not have.
    expect(cleanChange({ kind: 'action-put', action: action('a2', 'has_budget') })).toEqual({
      kind: 'action-put',
      action: action('a2', 'has_budget'),
    });
  });
});

describe('changeProblem', () => {
  it('accepts what fits', () => {
    const change: Change = { kind: 'note', itemId: 'leading_group', note: '好' };
    expect(changeProblem(change, applied(newInspection(), [change]))).toBeNull();
  });

  it('refuses text past each limit, with a message in both languages', () => {
    const note: Change = {
      kind: 'note',
      itemId: 'leading_group',
      note: 'x'.repeat(LIMITS.note + 1),
    };
    expect(changeProblem(note, newInspection())).toEqual({
      'zh-CN': `内容太长：最多 ${LIMITS.note} 个字，这次修改未保存。`,
      'en-US': `Too long: at most ${LIMITS.note} characters. This change was not kept.`,
    });
    const cell: Change = {
      kind: 'cell',
      itemId: 'devices',
      rowId: 'r1',
      columnId: 'name',
      value: 'x'.repeat(LIMITS.cellText + 1),
    };
    expect(changeProblem(cell, newInspection())?.['en-US']).toContain(String(LIMITS.cellText));
    const answer: Change = {
      kind: 'answer',
      itemId: 'policy_text',
      value: 'x'.repeat(LIMITS.answerText + 1),
    };
    expect(changeProblem(answer, newInspection())).not.toBeNull();
    const done: Change = {
      kind: 'action-put',
      action: action('a1', 'has_budget', {
        state: 'done',
        doneOn: '2026-11-20',
        doneNote: 'x'.repeat(TEXT_LIMITS.actionDoneNote + 1),
      }),
    };
    expect(changeProblem(done, newInspection())?.['zh-CN']).toContain(
      String(TEXT_LIMITS.actionDoneNote),
    );
  });

  it('refuses the file that would be one too many on an item', () => {
    const full = applied(newInspection(), [
      {
        kind: 'evidence-add',
        itemId: 'leading_group',
        refs: Array.from({ length: LIMITS.evidencePerTarget }, (_, i) => evidence(i + 1)),
      },
    ]);
    const more: Change = { kind: 'evidence-add', itemId: 'leading_group', refs: [evidence(999)] };
    expect(changeProblem(more, applied(full, [more]))?.['zh-CN']).toContain(
      `最多 ${LIMITS.evidencePerTarget} 个`,
    );
  });
});
