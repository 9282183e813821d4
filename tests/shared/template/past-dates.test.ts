import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/template/engine';
import { futureDateProblems, pastOnlyColumns } from '../../../shared/template/past-dates';
import type { RegisterItem } from '../../../shared/template/schema';
import { BUILT_IN } from '../inspection/fixtures';

const TODAY = '2026-11-29';
const register = (id: string) =>
  BUILT_IN.sections.flatMap((s) => s.items).find((i) => i.id === id) as RegisterItem;

describe('dates that cannot lie in the future', () => {
  it('are the register columns a row rule measures with days_since, and no others', () => {
    expect([...pastOnlyColumns(register('dev_register'))]).toEqual(['signature_updated']);
    expect([...pastOnlyColumns(register('media_register'))]).toEqual(['last_update']);
    // Deadlines and expiry dates are measured with days_until: the future is their point.
    expect([...pastOnlyColumns(register('duty_hazards'))]).toEqual([]);
    expect([...pastOnlyColumns(register('bio_register'))]).toEqual([]);
  });

  it('flag a future last-update in a device row, at its row and column', () => {
    const rows = [
      { type: 'firewall', vendor_model: 'A', signature_updated: '2026-11-20' },
      { type: 'ips', vendor_model: 'B', signature_updated: '2027-11-20' },
    ];
    expect(futureDateProblems(register('dev_register'), rows, TODAY)).toEqual([
      expect.objectContaining({ row: 1, column: 'signature_updated' }),
    ]);
  });

  it('leave today, and a deadline in the future, alone', () => {
    const today = [{ type: 'firewall', vendor_model: 'A', signature_updated: TODAY }];
    expect(futureDateProblems(register('dev_register'), today, TODAY)).toEqual([]);
    const hazards = [
      { source: 'cac', notified: '2026-11-01', issue: '弱口令', deadline: '2026-12-15' },
    ];
    expect(futureDateProblems(register('duty_hazards'), hazards, TODAY)).toEqual([]);
  });

  it('make the built-in checklist count a future review date as not yet answered', () => {
    const answers = { fw_review_date: '2027-03-01', content_review_date: '2026-11-01' };
    const result = evaluate(BUILT_IN, answers, TODAY);
    expect(result.items['fw_review_date']!.status).toBe('unanswered');
    expect(result.items['fw_review_date']!.problems[0]!.message['en-US']).toContain('after today');
    expect(result.items['content_review_date']!.status).not.toBe('unanswered');
  });
});
